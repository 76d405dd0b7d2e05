# Async generators: async for, asend() and aclose() running the generator's finally.
import asyncio


async def ticker(n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print("ticker closed")


async def accumulator():
    total = 0
    while True:
        value = yield total
        await asyncio.sleep(0.05)
        total += value


async def main():
    async for i in ticker(3, 0.1):
        print("tick", i)

    gen = ticker(10, 0.1)
    print("first", await anext(gen))
    print("second", await anext(gen))
    await gen.aclose()

    acc = accumulator()
    print("start", await acc.asend(None))
    for v in (5, 10, 20):
        print("total", await acc.asend(v))
    await acc.aclose()

    squares = [i * i async for i in ticker(4, 0.05)]
    print("squares", squares)


asyncio.run(main())
