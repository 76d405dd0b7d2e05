# to_thread(time.sleep, 0.2) runs beside other tasks: elapsed is the overlap, not the sum.
import asyncio
import time


def blocking_io(seconds):
    time.sleep(seconds)
    return f"slept {seconds} in a thread"


async def ticker():
    for i in range(3):
        await asyncio.sleep(0.1)
        print("tick", i)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.to_thread(time.sleep, 0.2)
    print("to_thread sleep took", round(loop.time() - start, 1))
    results = await asyncio.gather(asyncio.to_thread(blocking_io, 0.25), ticker())
    print(results[0])
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
