# Async generators: athrow() into a generator, aclose() running awaits in finally, and the
# cleanup asyncio.run does for a generator left unfinished.
import asyncio

loop_start = None


def at():
    loop = asyncio.get_running_loop()
    return round(loop.time() - loop_start, 1)


async def numbers():
    n = 0
    try:
        while True:
            try:
                yield n
                n += 1
            except ValueError as e:
                print("generator got", repr(e), "resetting")
                n = 100
    finally:
        print("numbers closing at", at())
        await asyncio.sleep(0.1)
        print("numbers closed at", at())


async def stream():
    try:
        for i in range(10):
            await asyncio.sleep(0.05)
            yield i
    finally:
        print("stream finalised")


kept = []


async def main():
    global loop_start
    loop_start = asyncio.get_running_loop().time()
    gen = numbers()
    print(await anext(gen), await anext(gen))
    print("athrow gives", await gen.athrow(ValueError("reset")))
    print(await anext(gen))
    await gen.aclose()
    try:
        await anext(gen)
    except StopAsyncIteration:
        print("closed generator is exhausted")

    s = stream()
    kept.append(s)
    print("stream first", await anext(s))
    print("main ends at", at())


asyncio.run(main())
print("after run")
