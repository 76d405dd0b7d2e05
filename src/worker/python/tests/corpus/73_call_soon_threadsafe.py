# A worker thread hands results to the loop with call_soon_threadsafe as it produces them.
import asyncio
import time


def worker(loop, queue):
    for i in range(3):
        time.sleep(0.1)
        loop.call_soon_threadsafe(queue.put_nowait, i)
    return "worker done"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    queue = asyncio.Queue()
    fut = loop.run_in_executor(None, worker, loop, queue)
    for _ in range(3):
        item = await queue.get()
        print("got", item, "at", round(loop.time() - start, 1))
    print(await fut, "at", round(loop.time() - start, 1))


asyncio.run(main())
