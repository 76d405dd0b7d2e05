# Cancelling a gather cancels every child that is still running.
import asyncio


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    group = asyncio.gather(child("short", 0.1), child("long", 0.5), child("longer", 0.6))
    await asyncio.sleep(0.2)
    group.cancel()
    try:
        await group
    except asyncio.CancelledError:
        print("gather cancelled at", round(loop.time() - start, 1))


asyncio.run(main())
