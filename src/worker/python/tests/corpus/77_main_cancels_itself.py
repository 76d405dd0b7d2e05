# main cancels itself: asyncio.run raises CancelledError and the program ends with it.
import asyncio


async def main():
    await asyncio.sleep(0.1)
    print("cancelling myself")
    asyncio.current_task().cancel()
    await asyncio.sleep(1)
    print("never")


asyncio.run(main())
