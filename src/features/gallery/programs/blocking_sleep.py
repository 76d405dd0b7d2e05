# time.sleep blocks the whole loop: nobody else runs. asyncio.sleep lets others run.
import asyncio
import time


async def bad(name):
    time.sleep(1)  # the mistake: blocks every task
    print(f"{name} (time.sleep) done at {time.perf_counter() - START:.0f} s")


async def good(name):
    await asyncio.sleep(1)
    print(f"{name} (asyncio.sleep) done at {time.perf_counter() - START:.0f} s")


async def main():
    global START
    START = time.perf_counter()
    await asyncio.gather(bad("a"), bad("b"), bad("c"))  # 3 s
    START = time.perf_counter()
    await asyncio.gather(good("d"), good("e"), good("f"))  # 1 s


asyncio.run(main())
