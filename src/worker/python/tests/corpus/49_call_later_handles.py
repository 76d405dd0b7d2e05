# call_later with equal delays, cancelled handles, call_later(0) after call_soon, and TimerHandle.when().
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    fired = []
    handles = [loop.call_later(0.1, fired.append, f"t{i}") for i in range(6)]
    for h in handles[1::2]:
        h.cancel()
    loop.call_later(0, fired.append, "later(0)")
    loop.call_soon(fired.append, "soon")
    loop.call_later(-1, fired.append, "later(-1)")
    print("deadline of t0:", round(handles[0].when() - start, 1))
    print("cancelled:", [h.cancelled() for h in handles])
    await asyncio.sleep(0)
    print("after one turn:", fired)
    await asyncio.sleep(0.2)
    print("after 0.2:", fired)
    h = loop.call_later(0.1, fired.append, "cancelled late")
    await asyncio.sleep(0.05)
    h.cancel()
    h.cancel()
    await asyncio.sleep(0.15)
    print("final:", fired, "at", round(loop.time() - start, 1))


asyncio.run(main())
