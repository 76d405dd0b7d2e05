# Two tasks each hold one lock and wait for the other's: neither can go on.
# Plain Python would hang forever; Taskline stops the run and names the stuck tasks.
import asyncio


async def transfer(name, first, second):
    async with first:
        print(f"{name} holds one lock")
        await asyncio.sleep(1)
        print(f"{name} waits for the other lock")
        async with second:
            print(f"{name} never gets here")


async def main():
    a, b = asyncio.Lock(), asyncio.Lock()
    await asyncio.gather(
        asyncio.create_task(transfer("alice", a, b), name="alice"),
        asyncio.create_task(transfer("bob", b, a), name="bob"),
    )


asyncio.run(main())
