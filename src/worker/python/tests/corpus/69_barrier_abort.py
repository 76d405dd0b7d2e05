# Barrier: wait() returns each party's index, abort() breaks it for waiters, reset() makes it usable.
import asyncio


async def party(barrier, name, delay, loop, start):
    await asyncio.sleep(delay)
    try:
        index = await barrier.wait()
        print(name, "passed with index", index, "at", round(loop.time() - start, 1))
    except asyncio.BrokenBarrierError:
        print(name, "saw a broken barrier at", round(loop.time() - start, 1))


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    barrier = asyncio.Barrier(2)
    await asyncio.gather(*(party(barrier, n, d, loop, start) for n, d in (("a", 0.1), ("b", 0.2), ("c", 0.3), ("d", 0.4))))
    waiters = [asyncio.create_task(party(barrier, n, 0, loop, start)) for n in ("x",)]
    await asyncio.sleep(0.1)
    print("waiting:", barrier.n_waiting, "broken:", barrier.broken)
    await barrier.abort()
    await asyncio.gather(*waiters)
    print("broken:", barrier.broken)
    await barrier.reset()
    print("after reset broken:", barrier.broken)
    await asyncio.gather(party(barrier, "y", 0.1, loop, start), party(barrier, "z", 0.1, loop, start))


asyncio.run(main())
