# Deeply nested awaits and a recursive tree of tasks: depth costs no time, only the sleeps do.
import asyncio


async def dive(depth):
    if depth == 0:
        await asyncio.sleep(0.1)
        return 0
    return 1 + await dive(depth - 1)


async def fib(n):
    if n < 2:
        await asyncio.sleep(0.01)
        return n
    a, b = await asyncio.gather(fib(n - 1), fib(n - 2))
    return a + b


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print("depth reached", await dive(300), "at", round(loop.time() - start, 1))
    print("fib(10) =", await fib(10), "at", round(loop.time() - start, 1))
    print("tasks left:", len(asyncio.all_tasks()))


asyncio.run(main())
