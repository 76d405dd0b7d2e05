# Several asyncio.run calls in one program: each gets a new loop, time adds up.
import asyncio
import time


async def phase(name, delay):
    await asyncio.sleep(delay)
    print(f"phase {name} done")
    return delay


start = time.monotonic()
total = 0
for name, delay in [("a", 0.1), ("b", 0.2), ("c", 0.3)]:
    total += asyncio.run(phase(name, delay))
print("sum of delays", round(total, 1))
print("elapsed", round(time.monotonic() - start, 1))
