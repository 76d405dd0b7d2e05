# Event: waiters block until set(); clear() makes later waiters block again.
import asyncio


async def waiter(name, event, start, loop):
    print(f"{name} waiting")
    await event.wait()
    print(f"{name} woke at", round(loop.time() - start, 1))


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event, start, loop)) for n in ("a", "b")]
    await asyncio.sleep(0.2)
    print("setting")
    event.set()
    await asyncio.gather(*tasks)
    event.clear()
    print("is_set", event.is_set())
    late = asyncio.create_task(waiter("c", event, start, loop))
    await asyncio.sleep(0.1)
    event.set()
    await late


asyncio.run(main())
