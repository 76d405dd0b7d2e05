# Nested TaskGroups: an inner group's ExceptionGroup propagates into the outer one, which cancels its tasks.
import asyncio


async def fail_after(delay, exc):
    await asyncio.sleep(delay)
    raise exc


async def sleeper(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail_after(0.1, ValueError("inner bad")))
        tg.create_task(sleeper("inner sibling", 0.5))


def describe(eg, depth=0):
    for e in eg.exceptions:
        if isinstance(e, BaseExceptionGroup):
            print("  " * depth + f"group with {len(e.exceptions)}")
            describe(e, depth + 1)
        else:
            print("  " * depth + f"{type(e).__name__}: {e}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner_group())
            tg.create_task(sleeper("outer sibling", 0.5))
            tg.create_task(sleeper("quick outer", 0.05))
    except* ValueError as eg:
        print("caught at", round(loop.time() - start, 1))
        describe(eg)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper("never", 1))
            raise LookupError("body failed")
    except* LookupError as eg:
        describe(eg)
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
