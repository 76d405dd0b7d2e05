# threading.local data belongs to each worker thread: a reused worker sees its own, main keeps its own.
import asyncio
import threading
import time

local = threading.local()


class Counter(threading.local):
    def __init__(self):
        self.count = 0


counter = Counter()


def job(seconds):
    seen = getattr(local, "name", None)
    local.name = threading.current_thread().name
    counter.count += 1
    time.sleep(seconds)
    return f"{local.name} saw {seen}, count {counter.count}"


async def main():
    local.name = "main"
    print(await asyncio.gather(asyncio.to_thread(job, 0.1), asyncio.to_thread(job, 0.2)))
    print(await asyncio.to_thread(job, 0.1))
    print("main still has", local.name, counter.count)


asyncio.run(main())
