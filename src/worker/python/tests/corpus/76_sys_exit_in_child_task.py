# sys.exit in a child task ends the whole program; the task is reported as never retrieved.
import asyncio
import sys


async def child():
    await asyncio.sleep(0.1)
    print("child exits")
    sys.exit(2)


async def main():
    asyncio.create_task(child())
    await asyncio.sleep(0.5)
    print("never")


asyncio.run(main())
