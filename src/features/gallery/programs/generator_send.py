# A generator paused at yield can receive values with send(): the idea coroutines grew from.
import asyncio


def running_average():
    total, count = 0, 0
    average = None
    while True:
        value = yield average  # pause; resume with the value sent in
        total += value
        count += 1
        average = total / count


async def sensor(readings):
    avg = running_average()
    next(avg)  # prime it: run to the first yield
    for value in readings:
        await asyncio.sleep(0.5)
        print(f"reading {value:>3} -> average {avg.send(value):.1f}")


asyncio.run(sensor([10, 20, 60, 30]))
