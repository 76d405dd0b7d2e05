# loop.call_soon / call_later / call_at callbacks fire in deadline order, call_soon ones first.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    done = loop.create_future()

    def say(msg):
        print(msg, "at", round(loop.time() - start, 1))

    loop.call_later(0.3, say, "later 0.3")
    loop.call_at(start + 0.1, say, "at +0.1")
    loop.call_soon(say, "soon 1")
    loop.call_later(0.2, say, "later 0.2")
    loop.call_soon(say, "soon 2")
    handle = loop.call_later(0.15, say, "cancelled, never printed")
    handle.cancel()
    print("cancelled handle:", handle.cancelled())
    loop.call_later(0.4, done.set_result, None)
    print("scheduled everything")
    await done
    say("main finished")


asyncio.run(main())
