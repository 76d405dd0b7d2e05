# Barrier: parties wait until all have arrived, then proceed together.
import asyncio


async def runner(barrier, name, delay, start, loop):
    await asyncio.sleep(delay)
    print(f"{name} arrives at", round(loop.time() - start, 1))
    await barrier.wait()
    print(f"{name} passes at", round(loop.time() - start, 1))


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    barrier = asyncio.Barrier(3)
    await asyncio.gather(
        runner(barrier, "a", 0.1, start, loop),
        runner(barrier, "b", 0.3, start, loop),
        runner(barrier, "c", 0.2, start, loop),
    )
    print("parties", barrier.parties, "waiting", barrier.n_waiting)


asyncio.run(main())
