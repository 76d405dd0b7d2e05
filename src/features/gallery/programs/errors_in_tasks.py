# An exception inside a task is stored in the task and raised where you await it.
import asyncio


async def risky(n):
    await asyncio.sleep(n)
    if n == 2:
        raise ValueError(f"task {n} failed")
    return n


async def main():
    # 1. await the task inside try/except
    task = asyncio.create_task(risky(2))
    try:
        await task
    except ValueError as e:
        print("caught:", e)

    # 2. gather(return_exceptions=True) hands exceptions back as results
    results = await asyncio.gather(risky(1), risky(2), risky(3), return_exceptions=True)
    for r in results:
        print("result:", repr(r))


asyncio.run(main())
