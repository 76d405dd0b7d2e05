# In a worker thread, Event.wait, Queue.get and Condition.wait_for with a timeout take that long.
import asyncio
import queue
import threading
import time


def worker():
    log = []
    stop = threading.Event()
    t0 = time.monotonic()
    rounds = 0
    while not stop.wait(0.1):
        rounds += 1
        if rounds == 3:
            break
    log.append(f"event waits {rounds} at {time.monotonic() - t0:.1f}")
    try:
        queue.Queue().get(timeout=0.2)
    except queue.Empty:
        log.append(f"queue empty at {time.monotonic() - t0:.1f}")
    cond = threading.Condition()
    with cond:
        log.append(f"wait_for {cond.wait_for(lambda: False, timeout=0.12)} at {time.monotonic() - t0:.1f}")
    return log


async def main():
    t0 = time.monotonic()
    ticks = 0

    async def ticker():
        nonlocal ticks
        while True:
            await asyncio.sleep(0.2)
            ticks += 1

    tick_task = asyncio.create_task(ticker())
    for line in await asyncio.to_thread(worker):
        print(line)
    tick_task.cancel()
    print("the loop kept ticking meanwhile:", ticks, "ticks; done at", round(time.monotonic() - t0, 1))


asyncio.run(main())
