# A producer puts items on a Queue; two consumers take them off as they arrive.
import asyncio


async def producer(queue):
    for item in range(6):
        await asyncio.sleep(0.5)
        await queue.put(item)
        print(f"produced {item}")


async def consumer(name, queue):
    while True:
        item = await queue.get()
        await asyncio.sleep(1.2)
        print(f"{name} consumed {item}")
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    consumers = [asyncio.create_task(consumer(f"c{i}", queue), name=f"consumer-{i}") for i in (1, 2)]
    await producer(queue)
    await queue.join()  # wait until every item is processed
    for c in consumers:
        c.cancel()
    print("all items processed")


asyncio.run(main())
