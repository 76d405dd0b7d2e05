# sleep(0) yields to the loop: three count() coroutines interleave "One One One Two Two Two".
import asyncio


async def count():
    print("One")
    await asyncio.sleep(0)
    print("Two")


async def main():
    await asyncio.gather(count(), count(), count())


asyncio.run(main())
