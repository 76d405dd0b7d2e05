# loop.run_in_executor(None, f) overlaps with coroutines; two executor jobs overlap each other.
import asyncio
import time


def compute(n):
    time.sleep(0.2)
    return sum(range(n))


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    a = loop.run_in_executor(None, compute, 10)
    b = loop.run_in_executor(None, compute, 100)
    await asyncio.sleep(0.1)
    print("main slept 0.1, executor jobs done:", a.done(), b.done())
    print("results", await a, await b)
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
