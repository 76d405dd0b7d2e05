# Nested asyncio.timeout blocks: the inner one expires first and is handled inside the outer one.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(0.5):
            try:
                async with asyncio.timeout(0.1):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timed out at", round(loop.time() - start, 1))
            await asyncio.sleep(1)
    except TimeoutError:
        print("outer timed out at", round(loop.time() - start, 1))

    try:
        await asyncio.wait_for(asyncio.wait_for(asyncio.sleep(1), 0.3), 0.2)
    except TimeoutError:
        print("outer wait_for wins at", round(loop.time() - start, 1))


asyncio.run(main())
