# wait_for on to_thread times out, but the thread cannot be cancelled: asyncio.run waits for it.
import asyncio
import time


def blocking(seconds):
    time.sleep(seconds)
    return "thread finished"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        await asyncio.wait_for(asyncio.to_thread(blocking, 0.5), timeout=0.2)
    except TimeoutError:
        print("timed out at", round(loop.time() - start, 1))
    await asyncio.sleep(0.1)
    print("main returns at", round(loop.time() - start, 1), "while the thread still sleeps")


t0 = time.monotonic()
asyncio.run(main())
print("asyncio.run returned after", round(time.monotonic() - t0, 1))
