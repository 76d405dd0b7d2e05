# yield from delegation with send/throw/close, and inspect.getgeneratorstate, inside tasks.
import asyncio
import inspect


def inner():
    try:
        x = yield "inner ready"
        while True:
            x = yield f"inner got {x}"
    except KeyError as e:
        yield f"inner handled {e!r}"
    finally:
        print("inner closed")
    return "inner result"


def outer():
    result = yield from inner()
    print("outer got", result)
    yield "outer done"


async def drive(name, delay):
    g = outer()
    print(name, inspect.getgeneratorstate(g))
    print(name, next(g))
    await asyncio.sleep(delay)
    print(name, g.send(1), inspect.getgeneratorstate(g))
    print(name, g.throw(KeyError("k")))
    await asyncio.sleep(delay)
    g.close()
    print(name, inspect.getgeneratorstate(g))
    squares = (i * i for i in range(5))
    print(name, sum(squares), list(zip(range(3), (c for c in "abc"))))


async def main():
    await asyncio.gather(drive("a", 0.1), drive("b", 0.15))


asyncio.run(main())
