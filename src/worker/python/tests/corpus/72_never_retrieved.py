# A task whose exception nobody retrieves: the program goes on; Python logs it to stderr later.
import asyncio


async def doomed():
    await asyncio.sleep(0.1)
    raise ValueError("nobody looks at me")


async def main():
    task = asyncio.create_task(doomed())
    await asyncio.sleep(0.2)
    print("task done:", task.done())
    del task
    await asyncio.sleep(0.1)
    print("main finished")


asyncio.run(main())
print("after run")
