# A periodic job scheduled with call_at on absolute deadlines, so it does not drift.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    finished = loop.create_future()
    ticks = []

    def tick(n):
        ticks.append(n)
        print("tick", n, "at", round(loop.time() - start, 1))
        if n == 4:
            finished.set_result(len(ticks))
        else:
            loop.call_at(start + 0.1 * (n + 1), tick, n + 1)

    loop.call_at(start + 0.1, tick, 1)
    print("ticks:", await finished)


asyncio.run(main())
