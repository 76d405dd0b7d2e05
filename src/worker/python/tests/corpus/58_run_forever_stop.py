# run_forever until a callback calls stop(); run_until_complete on a future a timer resolves.
import asyncio


def main():
    loop = asyncio.new_event_loop()
    start = loop.time()
    ticks = []

    def tick(n):
        ticks.append(n)
        if n < 3:
            loop.call_later(0.1, tick, n + 1)
        else:
            loop.stop()

    loop.call_soon(tick, 0)
    loop.run_forever()
    print("stopped after ticks", ticks, "at", round(loop.time() - start, 1))
    print("running:", loop.is_running(), "closed:", loop.is_closed())

    fut = loop.create_future()
    loop.call_later(0.2, fut.set_result, "resolved by a timer")
    print(loop.run_until_complete(fut), "at", round(loop.time() - start, 1))

    loop.call_soon(loop.stop)
    loop.call_later(0.05, print, "not yet: the loop stopped first")
    loop.run_forever()
    print("second run_forever returned at", round(loop.time() - start, 1))
    loop.run_until_complete(asyncio.sleep(0.1))
    print("pending timer ran during the next run, at", round(loop.time() - start, 1))
    loop.close()
    coro = asyncio.sleep(0)
    try:
        loop.run_until_complete(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    finally:
        coro.close()


main()
