# Semaphore(2) lets two of six 0.1 s jobs run at once (0.3 s); BoundedSemaphore rejects over-release.
import asyncio


async def job(sem, n, start, loop):
    async with sem:
        await asyncio.sleep(0.1)
        print(f"job {n} done at", round(loop.time() - start, 1))


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(sem, n, start, loop) for n in range(6)))
    print("pool elapsed", round(loop.time() - start, 1))

    bounded = asyncio.BoundedSemaphore(1)
    async with bounded:
        print("inside bounded, locked:", bounded.locked())
    try:
        bounded.release()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
