# wait_for: a result within the timeout, and a timeout that cancels the inner coroutine.
import asyncio


async def slow(result, delay):
    try:
        await asyncio.sleep(delay)
        return result
    except asyncio.CancelledError:
        print(f"{result} was cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(await asyncio.wait_for(slow("quick", 0.1), timeout=0.3))
    try:
        await asyncio.wait_for(slow("sluggish", 1.0), timeout=0.2)
    except TimeoutError:
        print("timed out")
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
