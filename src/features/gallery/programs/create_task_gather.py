# Three jobs of 1, 2 and 3 seconds run concurrently: the total is 3 s, not 6 s.
import asyncio
import time


async def job(name, seconds):
    print(f"{name}: start")
    await asyncio.sleep(seconds)
    print(f"{name}: done after {seconds} s")
    return seconds


async def main():
    start = time.perf_counter()
    tasks = [asyncio.create_task(job(f"job{s}", s)) for s in (1, 2, 3)]
    results = await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - start
    print(f"sum of sleeps = {sum(results)} s, elapsed = {elapsed:.1f} s")


asyncio.run(main())
