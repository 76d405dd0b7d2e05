# A function run by to_thread is on an executor worker (asyncio_0, asyncio_1...), with no running loop.
import asyncio
import threading
import time


def work(seconds):
    try:
        asyncio.get_running_loop()
        loop = "sees a running loop"
    except RuntimeError as e:
        loop = str(e)
    me = threading.current_thread()
    time.sleep(seconds)
    return f"{me.name}: main thread {me is threading.main_thread()}, {loop}"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    for line in await asyncio.gather(asyncio.to_thread(work, 0.1), asyncio.to_thread(work, 0.2)):
        print(line)
    print("an idle worker is reused ->", await asyncio.to_thread(work, 0.1))
    print("main runs on", threading.current_thread().name, "at", round(loop.time() - start, 1))


asyncio.run(main())
