# Driving coroutines by hand: send(None), StopIteration.value, a bare yield via types.coroutine.
import asyncio
import types


@types.coroutine
def nap():
    yield


async def counter(log):
    for i in range(3):
        log.append(i)
        await nap()
    return "counted"


async def main():
    c = counter([])
    log = c.cr_frame.f_locals["log"]
    for _ in range(3):
        c.send(None)
    try:
        c.send(None)
    except StopIteration as stop:
        print("manual:", log, stop.value)
    log2 = []
    print(await asyncio.gather(counter(log2), counter(log2)), log2)


asyncio.run(main())
