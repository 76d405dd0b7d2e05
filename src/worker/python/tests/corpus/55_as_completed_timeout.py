# as_completed(timeout=...) raises TimeoutError for the results that did not arrive in time.
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = [asyncio.create_task(fetch(n, d)) for n, d in (("c", 0.5), ("a", 0.1), ("b", 0.2))]
    got = []
    try:
        for fut in asyncio.as_completed(tasks, timeout=0.3):
            got.append(await fut)
            print("got", got[-1], "at", round(loop.time() - start, 1))
    except TimeoutError:
        print("timed out at", round(loop.time() - start, 1), "with", got)
    print("slow one still running:", not tasks[0].done())
    print("and finishes:", await tasks[0], "at", round(loop.time() - start, 1))


asyncio.run(main())
