# time.monotonic(), time.perf_counter() and loop.time() all advance together with sleeps.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    t_loop, t_mono, t_perf, t_wall = loop.time(), time.monotonic(), time.perf_counter(), time.time()
    await asyncio.sleep(0.3)
    print("loop.time", round(loop.time() - t_loop, 1))
    print("monotonic", round(time.monotonic() - t_mono, 1))
    print("perf_counter", round(time.perf_counter() - t_perf, 1))
    print("time.time", round(time.time() - t_wall, 1))
    time.sleep(0.2)
    print("after blocking sleep", round(time.monotonic() - t_mono, 1))


asyncio.run(main())
