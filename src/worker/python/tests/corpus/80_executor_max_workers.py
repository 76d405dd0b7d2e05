# A ThreadPoolExecutor(max_workers=2) runs two jobs at a time; the others wait in its queue.
import asyncio
import concurrent.futures
import threading
import time


def job(n):
    started = time.monotonic() - T0
    time.sleep(0.1 * (n + 1))
    return f"job {n} ran on {threading.current_thread().name} from {started:.1f}"


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as pool:
        for line in await asyncio.gather(*(loop.run_in_executor(pool, job, n) for n in range(5))):
            print(line)
    print("all done at", round(time.monotonic() - T0, 1))


T0 = time.monotonic()
asyncio.run(main())
