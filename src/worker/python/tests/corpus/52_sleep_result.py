# asyncio.sleep(delay, result) returns its result; sleep(0) and negative delays return at once.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(await asyncio.sleep(0.1, result="after 0.1"))
    print(await asyncio.sleep(0, result="after 0"))
    print(await asyncio.sleep(-5, result="negative delay"), round(loop.time() - start, 1))
    values = await asyncio.gather(*(asyncio.sleep(d, result=d * 10) for d in (0.3, 0.1, 0.2)))
    print(values, "at", round(loop.time() - start, 1))
    task = asyncio.create_task(asyncio.sleep(0.2, result={"k": [1, 2]}))
    print("task result", await task)
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
