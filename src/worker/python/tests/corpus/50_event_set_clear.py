# Event.set() then clear() at once still wakes the waiters that were already waiting.
import asyncio


async def waiter(name, event, loop, start):
    await event.wait()
    print(name, "woke at", round(loop.time() - start, 1), "is_set now:", event.is_set())


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    event = asyncio.Event()
    early = [asyncio.create_task(waiter(n, event, loop, start)) for n in ("a", "b")]
    await asyncio.sleep(0.1)
    event.set()
    event.clear()
    print("pulsed the event")
    late = asyncio.create_task(waiter("late", event, loop, start))
    await asyncio.gather(*early)
    await asyncio.sleep(0.2)
    print("late still waiting:", not late.done())
    event.set()
    await late
    event.set()
    print("set twice is fine, is_set:", event.is_set())
    await event.wait()
    print("wait on a set event returns at once, at", round(loop.time() - start, 1))


asyncio.run(main())
