# create_task starts coroutines concurrently; awaiting the tasks collects their results.
import asyncio


async def brew(name, seconds):
    print(f"start {name}")
    await asyncio.sleep(seconds)
    print(f"done {name}")
    return f"{name} ready"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    tea = asyncio.create_task(brew("tea", 0.3))
    coffee = asyncio.create_task(brew("coffee", 0.2))
    print("both scheduled")
    print(await tea)
    print(await coffee)
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
