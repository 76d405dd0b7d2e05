# A custom awaitable class, gather with the same coroutine twice, and wait_for with timeout None and 0.
import asyncio


class Delay:
    def __init__(self, seconds, value):
        self.seconds, self.value = seconds, value

    def __await__(self):
        yield from asyncio.sleep(self.seconds).__await__()
        return self.value


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(await Delay(0.1, "custom"), round(loop.time() - start, 1))
    c = asyncio.sleep(0.1, result="same")
    print(await asyncio.gather(c, c), round(loop.time() - start, 1))
    print(await asyncio.wait_for(asyncio.sleep(0.1, "none"), timeout=None))
    try:
        await asyncio.wait_for(asyncio.sleep(0.1), timeout=0)
    except TimeoutError:
        print("timeout=0 times out at", round(loop.time() - start, 1))
    print(await asyncio.wait_for(Delay(0.1, "awaitable in wait_for"), 1))


asyncio.run(main())
