# TaskGroup: a failing child cancels its sibling; except* splits the ExceptionGroup by type.
import asyncio


async def worker(name, delay, error=None):
    try:
        await asyncio.sleep(delay)
        if error:
            raise error
        print(f"{name} done")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def bad_cleanup():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("bad_cleanup cancelled, fails while cleaning up")
        raise KeyError("missing")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(worker("a", 0.1))
        b = tg.create_task(worker("b", 0.2))
    print("all ok", a.done(), b.done(), round(loop.time() - start, 1))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("fast", 0.1))
            tg.create_task(worker("bad", 0.2, ValueError("bad value")))
            tg.create_task(bad_cleanup())
    except* ValueError as eg:
        for e in eg.exceptions:
            print("ValueError:", e)
    except* KeyError as eg:
        for e in eg.exceptions:
            print("KeyError:", e)
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
