# A task cancelled before its first step never runs its body; cancel() on a done task returns False.
import asyncio


async def body(name):
    print(name, "body started")
    await asyncio.sleep(0.1)
    return name


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    early = asyncio.create_task(body("early"))
    print("cancel before start:", early.cancel("too soon"))
    try:
        await early
    except asyncio.CancelledError as e:
        print("awaiting it raised CancelledError", e.args)
    print("cancelled:", early.cancelled(), "done:", early.done())
    try:
        early.result()
    except asyncio.CancelledError as e:
        print("result() raises CancelledError", e.args)

    normal = asyncio.create_task(body("normal"))
    print("result", await normal, "cancel now:", normal.cancel(), "cancelled:", normal.cancelled())
    try:
        normal.exception()
        print("exception() is", normal.exception())
    except asyncio.CancelledError:
        print("unexpected")
    pending = asyncio.create_task(body("pending"))
    try:
        pending.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    await pending
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
