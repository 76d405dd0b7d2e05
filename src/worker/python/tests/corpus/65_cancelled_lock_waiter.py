# A task cancelled while waiting for a Lock or Semaphore gives up its place; the next waiter gets it.
import asyncio


async def use(name, prim, hold, loop, start):
    try:
        async with prim:
            print(name, "acquired at", round(loop.time() - start, 1))
            await asyncio.sleep(hold)
    except asyncio.CancelledError:
        print(name, "cancelled while waiting at", round(loop.time() - start, 1))
        raise


async def main():
    loop = asyncio.get_running_loop()
    for prim in (asyncio.Lock(), asyncio.Semaphore(1)):
        print("--", type(prim).__name__)
        start = loop.time()
        t1 = asyncio.create_task(use("first", prim, 0.2, loop, start))
        t2 = asyncio.create_task(use("second", prim, 0.1, loop, start))
        t3 = asyncio.create_task(use("third", prim, 0.1, loop, start))
        await asyncio.sleep(0.1)
        t2.cancel()
        await asyncio.gather(t1, t2, t3, return_exceptions=True)
        print("locked at the end:", prim.locked())


asyncio.run(main())
