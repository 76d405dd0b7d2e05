# TaskGroup waits for all its tasks; if one fails, the others are cancelled.
import asyncio


async def step(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
        if fail:
            raise RuntimeError(f"{name} broke")
        print(f"{name} finished")
    except asyncio.CancelledError:
        print(f"{name} was cancelled")
        raise


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(step("a", 1))
        tg.create_task(step("b", 2))
    print("all steps finished")

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(step("c", 1, fail=True))
            tg.create_task(step("d", 3))
    except* RuntimeError as group:
        print("group failed:", [str(e) for e in group.exceptions])


asyncio.run(main())
