# asyncio.timeout() and wait_for() cancel work that takes too long.
import asyncio


async def slow_query():
    await asyncio.sleep(5)
    return "rows"


async def main():
    try:
        async with asyncio.timeout(2):
            await slow_query()
    except TimeoutError:
        print("timeout(2): gave up after 2 s")

    try:
        await asyncio.wait_for(slow_query(), timeout=1)
    except TimeoutError:
        print("wait_for(timeout=1): gave up after 1 s")

    rows = await asyncio.wait_for(slow_query(), timeout=10)
    print("with enough time:", rows)


asyncio.run(main())
