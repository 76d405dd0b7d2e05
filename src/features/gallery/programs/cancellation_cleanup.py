# cancel() raises CancelledError inside the task at its await; finally blocks still run.
import asyncio


async def worker():
    print("worker: opening connection")
    try:
        while True:
            print("worker: working...")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("worker: cancelled, cleaning up")
        raise  # let the cancellation finish
    finally:
        print("worker: connection closed")


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(2.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: worker is cancelled:", task.cancelled())


asyncio.run(main())
