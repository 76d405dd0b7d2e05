# A Semaphore(2) lets only two downloads run at a time: six jobs take three rounds.
import asyncio


async def download(sem, n):
    async with sem:
        print(f"start {n}")
        await asyncio.sleep(1)
        print(f"end   {n}")
        return n * n


async def main():
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(download(sem, n) for n in range(6)))
    print("results:", results)


asyncio.run(main())
