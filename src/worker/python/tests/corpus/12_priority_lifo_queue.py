# PriorityQueue hands out the smallest item first; LifoQueue the newest first.
import asyncio


async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal")]:
        pq.put_nowait(item)
    while not pq.empty():
        print("priority", await pq.get())

    lifo = asyncio.LifoQueue()
    for word in ["first", "second", "third"]:
        await lifo.put(word)
    while not lifo.empty():
        print("lifo", lifo.get_nowait())

    try:
        lifo.get_nowait()
    except asyncio.QueueEmpty:
        print("lifo is empty")

    async def late_put():
        await asyncio.sleep(0.2)
        await pq.put((0, "late"))

    asyncio.create_task(late_put())
    print("waited for", await pq.get())


asyncio.run(main())
