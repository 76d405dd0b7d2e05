# as_completed yields results in completion order.
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    aws = [fetch("slow", 0.3), fetch("fast", 0.1), fetch("medium", 0.2)]
    for next_done in asyncio.as_completed(aws):
        result = await next_done
        print(result, "at", round(loop.time() - start, 1))


asyncio.run(main())
