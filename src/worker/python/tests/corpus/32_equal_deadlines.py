# Timers with equal delays from the same instant fire in the order they were scheduled.
import asyncio


async def sleeper(name, delay):
    await asyncio.sleep(delay)
    print(name)


async def main():
    loop = asyncio.get_running_loop()
    for name in ["first", "second", "third", "fourth"]:
        loop.call_later(0.1, print, "callback", name)
    await asyncio.gather(*(sleeper(f"task {n}", 0.2) for n in "abcd"))
    tasks = [asyncio.create_task(sleeper(f"late {n}", 0.1)) for n in "zyx"]
    await asyncio.wait(tasks)


asyncio.run(main())
