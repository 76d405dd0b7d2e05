# Cancellation: cleanup in except CancelledError and finally, with a cancel() message.
import asyncio


async def download(name):
    try:
        print(f"{name}: downloading")
        await asyncio.sleep(1)
        print(f"{name}: never printed")
    except asyncio.CancelledError as e:
        print(f"{name}: cancelled with {e.args}")
        raise
    finally:
        print(f"{name}: closing connection")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.create_task(download("file1"))
    await asyncio.sleep(0.2)
    task.cancel("user pressed stop")
    try:
        await task
    except asyncio.CancelledError as e:
        print("main saw", e.args)
    print("cancelled:", task.cancelled())

    quiet = asyncio.create_task(download("file2"))
    await asyncio.sleep(0.1)
    quiet.cancel()
    try:
        await quiet
    except asyncio.CancelledError:
        print("main saw a plain cancel")
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
