# asyncio.timeout_at with an absolute deadline, when(), pushing the deadline later, and disabling it.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    try:
        async with asyncio.timeout_at(start + 0.2) as cm:
            print("deadline in", round(cm.when() - start, 1))
            await asyncio.sleep(0.1)
            cm.reschedule(cm.when() + 0.3)
            print("pushed to", round(cm.when() - start, 1))
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out at", round(loop.time() - start, 1), "expired:", cm.expired())

    async with asyncio.timeout(0.1) as cm:
        cm.reschedule(None)
        print("when is now", cm.when())
        await asyncio.sleep(0.3)
    print("no timeout, at", round(loop.time() - start, 1), "expired:", cm.expired())

    try:
        async with asyncio.timeout(0):
            await asyncio.sleep(0)
    except TimeoutError:
        print("timeout(0) fires at the first await, at", round(loop.time() - start, 1))

    try:
        async with asyncio.timeout_at(loop.time() - 1):
            print("body runs even though the deadline passed")
            await asyncio.sleep(0.2)
    except TimeoutError:
        print("past deadline raised at", round(loop.time() - start, 1))


asyncio.run(main())
