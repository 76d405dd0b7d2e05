# A class-based async iterator with __aiter__/__anext__ and StopAsyncIteration.
import asyncio


class Countdown:
    def __init__(self, start, delay):
        self.current = start
        self.delay = delay

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.current -= 1
        return self.current + 1


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    async def run(name, n, delay):
        async for value in Countdown(n, delay):
            print(name, value)

    await asyncio.gather(run("fast", 3, 0.1), run("slow", 2, 0.25))
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
