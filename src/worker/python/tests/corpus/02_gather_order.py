# gather returns results in argument order, whatever order the awaitables finish in.
import asyncio


async def square(n, delay):
    await asyncio.sleep(delay)
    print(f"finished {n}")
    return n * n


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = await asyncio.gather(square(1, 0.3), square(2, 0.1), square(3, 0.2))
    print("results", results)
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
