# A TaskGroup child fails while its siblings clean up with awaits in finally; the group waits for them.
import asyncio


async def failing():
    await asyncio.sleep(0.1)
    raise ConnectionError("link down")


async def worker(name, cleanup):
    try:
        await asyncio.sleep(1)
    finally:
        await asyncio.sleep(cleanup)
        print(f"{name} cleaned up")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("quick", 0.1))
            tg.create_task(worker("slow", 0.3))
            tg.create_task(failing())
            print("body done, waiting in __aexit__")
    except* ConnectionError as eg:
        print("caught", [str(e) for e in eg.exceptions], "at", round(loop.time() - start, 1))
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
