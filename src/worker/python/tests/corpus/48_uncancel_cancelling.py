# Task.cancelling() counts pending cancel requests; uncancel() takes one back.
import asyncio


async def resilient(log):
    for attempt in range(3):
        try:
            await asyncio.sleep(0.2)
            log.append(f"attempt {attempt} finished")
            return attempt
        except asyncio.CancelledError:
            me = asyncio.current_task()
            log.append(f"attempt {attempt} cancelled, cancelling={me.cancelling()}")
            me.uncancel()
            log.append(f"after uncancel cancelling={me.cancelling()}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    log = []
    task = asyncio.create_task(resilient(log))
    await asyncio.sleep(0.1)
    print("first cancel:", task.cancel(), "cancelling:", task.cancelling())
    await asyncio.sleep(0.1)
    task.cancel()
    task.cancel()
    print("two more cancels, cancelling:", task.cancelling())
    result = await task
    print("\n".join(log))
    print("result", result, "cancelled:", task.cancelled(), "cancelling:", task.cancelling())
    print("cancel a done task:", task.cancel())
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
