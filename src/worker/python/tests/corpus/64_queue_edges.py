# Queue edge cases: put_nowait on a full queue, task_done() too often, join() with nothing queued.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    q = asyncio.Queue(maxsize=2)
    await q.join()
    print("join on an empty queue returns at once")
    q.put_nowait("a")
    q.put_nowait("b")
    print("full:", q.full(), "qsize:", q.qsize())
    try:
        q.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull")

    async def slow_taker():
        await asyncio.sleep(0.2)
        print("took", q.get_nowait(), "at", round(loop.time() - start, 1))
        q.task_done()

    asyncio.create_task(slow_taker())
    await q.put("c")
    print("blocked put went through at", round(loop.time() - start, 1))

    async def finisher():
        while not q.empty():
            item = await q.get()
            await asyncio.sleep(0.1)
            print("finished", item)
            q.task_done()

    t = asyncio.create_task(finisher())
    await q.join()
    print("joined at", round(loop.time() - start, 1))
    await t
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    try:
        async with asyncio.timeout(0.1):
            await q.get()
    except TimeoutError:
        print("get on an empty queue timed out at", round(loop.time() - start, 1))
    q.put_nowait("after timeout")
    print("the cancelled getter did not eat it:", q.get_nowait())


asyncio.run(main())
