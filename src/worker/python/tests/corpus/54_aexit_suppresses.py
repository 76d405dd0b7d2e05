# __aexit__ returning True swallows the error; AsyncExitStack unwinds in reverse order.
import asyncio
import contextlib


class Swallow:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("enter", self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.05)
        if exc_type is not None:
            print(self.name, "swallowed", exc_type.__name__, exc)
        return True


@contextlib.asynccontextmanager
async def resource(name):
    print("open", name)
    try:
        yield name
    finally:
        await asyncio.sleep(0.05)
        print("release", name)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with Swallow("outer"):
        async with Swallow("inner"):
            raise ValueError("bad")
        print("after inner")
        raise KeyError("k")
    print("after outer at", round(loop.time() - start, 1))

    async with contextlib.AsyncExitStack() as stack:
        for name in ("a", "b", "c"):
            await stack.enter_async_context(resource(name))
        stack.push_async_callback(asyncio.sleep, 0.15)
        stack.callback(print, "sync callback")
        print("stack body")
    print("stack done at", round(loop.time() - start, 1))

    with contextlib.suppress(ZeroDivisionError):
        await asyncio.sleep(0.1)
        1 / 0
    print("suppressed at", round(loop.time() - start, 1))


asyncio.run(main())
