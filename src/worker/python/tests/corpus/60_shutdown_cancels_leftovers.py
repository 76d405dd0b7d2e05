# asyncio.run cancels tasks still running when main returns, and waits for their cleanup awaits.
import asyncio


async def background(name):
    try:
        while True:
            await asyncio.sleep(0.1)
    except asyncio.CancelledError:
        print(name, "cancelled at shutdown, cleaning up")
        await asyncio.sleep(0.2)
        print(name, "cleanup finished")
        raise


async def main():
    asyncio.create_task(background("heartbeat"))
    await asyncio.sleep(0.25)
    print("main returns")
    return "result of main"


print(asyncio.run(main()))
print("program ends")
