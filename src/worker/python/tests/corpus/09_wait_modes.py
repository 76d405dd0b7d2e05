# asyncio.wait with FIRST_COMPLETED, ALL_COMPLETED and a timeout.
import asyncio


async def job(delay):
    await asyncio.sleep(delay)
    return delay


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = [asyncio.create_task(job(d), name=f"job{d}") for d in (0.1, 0.2, 0.4)]

    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first:", names(done), "pending:", names(pending), round(loop.time() - start, 1))

    done, pending = await asyncio.wait(tasks, timeout=0.2)
    print("timeout:", names(done), "pending:", names(pending), round(loop.time() - start, 1))

    done, pending = await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
    print("all:", names(done), "pending:", names(pending), round(loop.time() - start, 1))
    print("results:", [t.result() for t in tasks])


asyncio.run(main())
