# wait_for on a coroutine that swallows the first cancellation and still returns a value.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn: ignoring the cancel, finishing up")
        await asyncio.sleep(0.1)
        return "finished anyway"
    return "finished normally"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        result = await asyncio.wait_for(stubborn(), timeout=0.2)
        print("wait_for returned", result)
    except TimeoutError:
        print("wait_for raised TimeoutError")
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
