# Timers left overdue by a blocking call fire earliest deadline first, not in scheduling order.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(0.2, print, "timer due at 0.2 (scheduled first)")
    loop.call_later(0.1, print, "timer due at 0.1 (scheduled second)")
    loop.call_later(0, print, "timer due now")
    loop.call_later(-1, print, "timer due a second ago")
    print("blocking the loop for 0.3 s")
    time.sleep(0.3)
    await asyncio.sleep(0.1)
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
