# A blocking time.sleep inside a coroutine freezes the loop and delays every other task.
import asyncio
import time


async def polite(start, loop):
    for i in range(3):
        await asyncio.sleep(0.1)
        print("polite", i, "at", round(loop.time() - start, 1))


async def rude():
    await asyncio.sleep(0.05)
    print("rude blocks the loop")
    time.sleep(0.25)
    print("rude done blocking")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.gather(polite(start, loop), rude())
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
