# A Future is a box for a result that arrives later; callbacks run when it is filled.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    future.add_done_callback(lambda f: print("callback sees:", f.result()))

    # Fill the future from a plain callback two seconds from now.
    loop.call_later(2, future.set_result, "the answer is 42")
    print("waiting for the future...")
    print("await gave:", await future)

    loop.call_soon(print, "call_soon runs on the next loop turn")
    await asyncio.sleep(0)


asyncio.run(main())
