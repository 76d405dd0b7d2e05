# Worker threads that share a threading.Lock take turns: a thread waits while another holds it.
import asyncio
import threading
import time

lock = threading.Lock()
start = time.monotonic()


def locked_work(name, before, hold):
    time.sleep(before)
    with lock:
        got = time.monotonic() - start
        time.sleep(hold)
    return f"{name} got the lock at {got:.1f}"


async def main():
    results = await asyncio.gather(
        asyncio.to_thread(locked_work, "a", 0, 0.3),
        asyncio.to_thread(locked_work, "b", 0.1, 0.2),
        asyncio.to_thread(locked_work, "c", 0.6, 0.1),
    )
    print("\n".join(results))
    print("all done at", round(time.monotonic() - start, 1))


asyncio.run(main())
