# asyncio.wait(FIRST_EXCEPTION) returns when one task fails; the rest stay pending until cancelled.
import asyncio


async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if fail:
        raise RuntimeError(f"{name} failed")
    return name


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = {asyncio.create_task(job(n, d, f), name=n) for n, d, f in
             (("ok1", 0.1, False), ("bad", 0.2, True), ("ok2", 0.4, False), ("ok3", 0.5, False))}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("at", round(loop.time() - start, 1))
    print("done", sorted(t.get_name() for t in done))
    print("pending", sorted(t.get_name() for t in pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        print(t.get_name(), "->", repr(t.exception()) if t.exception() else t.result())
    for t in sorted(pending, key=lambda t: t.get_name()):
        t.cancel()
        await asyncio.sleep(0)
    done, pending = await asyncio.wait(tasks, timeout=0.1)
    print("after cancel:", len(done), "done,", len(pending), "pending at", round(loop.time() - start, 1))
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
