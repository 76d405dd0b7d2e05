# A custom loop exception handler sees errors raised in callbacks; the loop keeps running.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    seen = []

    def handler(loop, context):
        exc = context.get("exception")
        seen.append(type(exc).__name__)
        print("handler got", type(exc).__name__, exc, "at", round(loop.time() - start, 1))

    loop.set_exception_handler(handler)
    print("handler installed:", loop.get_exception_handler() is handler)

    def explode(kind):
        raise kind("from a callback")

    loop.call_soon(explode, ValueError)
    loop.call_later(0.1, explode, KeyError)
    loop.call_later(0.2, print, "the loop is still alive")
    await asyncio.sleep(0.3)
    loop.call_exception_handler({"message": "custom report", "exception": OSError(5, "manual")})
    loop.set_exception_handler(None)
    print("seen", seen)


asyncio.run(main())
