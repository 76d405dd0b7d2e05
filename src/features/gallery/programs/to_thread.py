# Blocking code you cannot change? asyncio.to_thread runs it in a thread so the loop stays free.
import asyncio
import time


def blocking_read(name):
    time.sleep(2)  # a library call that blocks
    return f"{name}: 2 s of blocking work"


async def heartbeat():
    for i in range(4):
        print(f"heartbeat {i}")
        await asyncio.sleep(0.5)


async def main():
    start = time.perf_counter()
    result, _ = await asyncio.gather(asyncio.to_thread(blocking_read, "report"), heartbeat())
    print(result)
    print(f"elapsed {time.perf_counter() - start:.1f} s")


asyncio.run(main())
