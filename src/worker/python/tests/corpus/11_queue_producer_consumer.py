# Queue producer/consumer with task_done() and join().
import asyncio


async def producer(queue):
    for i in range(5):
        await asyncio.sleep(0.05)
        await queue.put(i)
        print(f"put {i}")


async def consumer(name, queue):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.18)
        print(f"{name} handled {item}")
        queue.task_done()


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    queue = asyncio.Queue(maxsize=2)
    workers = [asyncio.create_task(consumer(f"c{i}", queue)) for i in range(2)]
    await producer(queue)
    await queue.join()
    print("all handled at", round(loop.time() - start, 1))
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print("qsize", queue.qsize())


asyncio.run(main())
