# Futures: add_done_callback, set_result from a timer callback, and exceptions on futures.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback 1 got", f.result()))
    fut.add_done_callback(lambda f: print("callback 2 got", f.result()))
    loop.call_later(0.2, fut.set_result, 42)
    print("waiting, done:", fut.done())
    print("awaited", await fut, "at", round(loop.time() - start, 1))

    bad = loop.create_future()
    loop.call_later(0.1, bad.set_exception, LookupError("no such key"))
    try:
        await bad
    except LookupError as e:
        print("future raised", type(e).__name__, e)

    chained = loop.create_future()

    def relay(f):
        chained.set_result(f.result() * 2)

    task = asyncio.create_task(asyncio.sleep(0.1, result=21))
    task.add_done_callback(relay)
    print("relayed", await chained, "at", round(loop.time() - start, 1))

    cancelled = loop.create_future()
    cancelled.add_done_callback(lambda f: print("cancel callback, cancelled:", f.cancelled()))
    cancelled.cancel()
    await asyncio.sleep(0)


asyncio.run(main())
