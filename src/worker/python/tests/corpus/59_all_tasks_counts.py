# all_tasks() and current_task() as tasks start and finish; a finished task leaves all_tasks().
import asyncio


async def child(delay):
    await asyncio.sleep(delay)
    return asyncio.current_task().get_name()


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    me = asyncio.current_task()
    print("main is current:", me is asyncio.current_task(), "tasks:", len(asyncio.all_tasks()))
    kids = [asyncio.create_task(child(d), name=f"kid{d}") for d in (0.1, 0.2, 0.3)]
    print("after create:", len(asyncio.all_tasks()))
    for k in kids:
        await k
        others = sorted(t.get_name() for t in asyncio.all_tasks() if t is not me)
        print(k.get_name(), "done at", round(loop.time() - start, 1), "others:", others)
    print("current_task(loop) is main:", asyncio.current_task(loop) is me)

    def cb():
        print("in a callback, current_task:", asyncio.current_task())

    loop.call_soon(cb)
    await asyncio.sleep(0)
    gen = asyncio.gather(child(0.1), child(0.1))
    print("gather made", len(asyncio.all_tasks()) - 1, "tasks")
    await gen


asyncio.run(main())
