# wait_for(shield(task)) times out but the shielded task keeps running and finishes later.
import asyncio


async def save():
    await asyncio.sleep(0.3)
    print("saved")
    return "ok"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.create_task(save())
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=0.1)
    except TimeoutError:
        print("gave up waiting at", round(loop.time() - start, 1), "task done:", task.done())
    print("result", await task, "at", round(loop.time() - start, 1))


asyncio.run(main())
