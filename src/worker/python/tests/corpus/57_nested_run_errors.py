# Calling asyncio.run or run_until_complete from inside a running loop raises RuntimeError.
import asyncio


async def inner():
    await asyncio.sleep(0.1)
    return "inner"


async def main():
    coro = inner()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("asyncio.run:", e)
    finally:
        coro.close()
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    try:
        loop.run_until_complete(fut)
    except RuntimeError as e:
        print("run_until_complete:", e)
    fut.cancel()
    try:
        loop.run_forever()
    except RuntimeError as e:
        print("run_forever:", e)
    print("still fine:", await inner())


asyncio.run(main())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("outside:", e)
