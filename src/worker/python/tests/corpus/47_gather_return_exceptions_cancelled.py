# gather(return_exceptions=True) collects errors and a cancelled child as values, in argument order.
import asyncio


async def ok(value, delay):
    await asyncio.sleep(delay)
    return value


async def broken(delay):
    await asyncio.sleep(delay)
    raise KeyError("missing")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    victim = asyncio.create_task(ok("never", 1))

    async def canceller():
        await asyncio.sleep(0.1)
        victim.cancel()
        return "cancelled the victim"

    results = await asyncio.gather(ok("a", 0.2), broken(0.15), victim, canceller(), return_exceptions=True)
    for r in results:
        print(type(r).__name__, r if not isinstance(r, BaseException) else repr(r.args))
    print("victim cancelled:", victim.cancelled())
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
