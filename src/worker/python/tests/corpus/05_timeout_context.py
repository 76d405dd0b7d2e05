# asyncio.timeout: a block that finishes in time, one that times out, and reschedule().
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    async with asyncio.timeout(0.3):
        await asyncio.sleep(0.1)
    print("fast block ok at", round(loop.time() - start, 1))

    try:
        async with asyncio.timeout(0.2):
            await asyncio.sleep(1)
    except TimeoutError:
        print("slow block timed out at", round(loop.time() - start, 1))

    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.2)
            await asyncio.sleep(0.5)
    except TimeoutError:
        print("rescheduled timeout fired at", round(loop.time() - start, 1))
        print("expired:", cm.expired())


asyncio.run(main())
