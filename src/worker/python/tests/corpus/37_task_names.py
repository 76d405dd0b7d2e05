# Named tasks: get_name, set_name and current_task inside each task.
import asyncio


async def worker(delay):
    await asyncio.sleep(delay)
    me = asyncio.current_task()
    print("running as", me.get_name())
    return me.get_name()


async def main():
    asyncio.current_task().set_name("main")
    print("main task is", asyncio.current_task().get_name())
    a = asyncio.create_task(worker(0.2), name="alpha")
    b = asyncio.create_task(worker(0.1), name="beta")
    b.set_name("beta-renamed")
    print("created", a.get_name(), b.get_name())
    print("gathered", await asyncio.gather(a, b))
    print("others still running:", len(asyncio.all_tasks()) - 1)


asyncio.run(main())
