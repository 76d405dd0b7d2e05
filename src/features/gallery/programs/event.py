# Many tasks wait on one Event; set() wakes them all at once.
import asyncio


async def runner(name, start):
    print(f"{name} is ready")
    await start.wait()
    print(f"{name} starts running")


async def main():
    start = asyncio.Event()
    runners = [asyncio.create_task(runner(f"runner-{i}", start)) for i in range(3)]
    await asyncio.sleep(2)
    print("Go!")
    start.set()
    await asyncio.gather(*runners)


asyncio.run(main())
