# gather returns results in the order you passed the awaitables, not the order they finish.
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"finished {name}")
    return name.upper()


async def main():
    results = await asyncio.gather(
        fetch("slow", 3),
        fetch("medium", 2),
        fetch("fast", 1),
    )
    print("results:", results)


asyncio.run(main())
