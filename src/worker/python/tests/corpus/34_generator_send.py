# A plain generator driven by next() and send(), the ancestor of coroutines, used inside asyncio.
import asyncio


def averager():
    total, count, average = 0.0, 0, None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count
        print(f"  got {value}, average now {average}")


def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


async def main():
    avg = averager()
    print("primed:", next(avg))
    for reading in (10, 20, 60):
        await asyncio.sleep(0.1)
        print("sent", reading, "->", avg.send(reading))
    avg.close()

    gen = countdown(3)
    while True:
        try:
            print("countdown", next(gen))
        except StopIteration as stop:
            print(stop.value)
            break
        await asyncio.sleep(0.05)


asyncio.run(main())
