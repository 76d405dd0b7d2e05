# shield: cancelling the outer await does not cancel the shielded inner task.
import asyncio


async def save(data):
    await asyncio.sleep(0.3)
    print("saved", data)
    return "ok"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    inner = asyncio.create_task(save("report"))

    async def waiter():
        try:
            await asyncio.shield(inner)
        except asyncio.CancelledError:
            print("waiter cancelled at", round(loop.time() - start, 1))
            raise

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.1)
    w.cancel()
    await asyncio.sleep(0)
    print("waiter cancelled:", w.cancelled(), "inner done:", inner.done())
    print("inner result:", await inner)
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
