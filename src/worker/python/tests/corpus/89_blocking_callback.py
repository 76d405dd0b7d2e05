# A blocking callback delays the timers due meanwhile; they then fire earliest deadline first.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(0.1, time.sleep, 0.3)
    loop.call_later(0.2, lambda: print("0.2 timer ran at", round(loop.time() - start, 1)))
    await asyncio.sleep(0.15)
    print("sleeper woke at", round(loop.time() - start, 1))
    await asyncio.sleep(0.1)
    print("end at", round(loop.time() - start, 1))


asyncio.run(main())
