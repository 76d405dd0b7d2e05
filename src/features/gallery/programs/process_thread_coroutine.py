# Process vs thread vs coroutine. Waiting (I/O-bound) work: threads and coroutines both overlap the
# waits. Computing (CPU-bound) work: only processes run in parallel, on other CPU cores.
import asyncio
import time


def download(n):  # I/O-bound: a blocking call that mostly waits (a network request, say)
    time.sleep(1)
    return n


async def fetch(n):  # the same wait, written as a coroutine
    await asyncio.sleep(1)
    return n


def crunch(n):  # CPU-bound: pure computation, no waiting at all
    return sum(i * i for i in range(50_000))


async def main():
    start = time.perf_counter()
    for n in range(3):
        download(n)  # one after another, blocking the loop
    print(f"I/O, sequential:  {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    await asyncio.gather(*(asyncio.to_thread(download, n) for n in range(3)))
    print(f"I/O, 3 threads:   {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    await asyncio.gather(*(fetch(n) for n in range(3)))
    print(f"I/O, 3 coroutines: {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    for n in range(3):
        crunch(n)
    print(f"CPU, sequential:  {time.perf_counter() - start:.2f} s (Realistic clock: the CPU time it took)")
    print("CPU, threads: no faster in real Python: one GIL lets one thread compute at a time.")
    try:
        from concurrent.futures import ProcessPoolExecutor

        ProcessPoolExecutor(max_workers=3)  # in real Python: 3 processes on 3 cores, about 3x faster
    except RuntimeError as error:  # Taskline raises UnsupportedInBrowser: a tab cannot start processes
        print(f"CPU, processes: {error}")


asyncio.run(main())
