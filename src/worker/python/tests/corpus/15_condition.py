# Condition: notify() wakes one waiter, notify_all() the rest, wait_for() waits for a predicate.
import asyncio

items = []


async def consumer(cond, name):
    async with cond:
        await cond.wait()
        print(f"{name} notified, items={items}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(consumer(cond, f"c{i}")) for i in range(3)]
    await asyncio.sleep(0.1)
    async with cond:
        items.append("x")
        cond.notify()
    await asyncio.sleep(0.1)
    async with cond:
        items.append("y")
        cond.notify_all()
    await asyncio.gather(*tasks)

    async def need_three():
        async with cond:
            await cond.wait_for(lambda: len(items) >= 3)
            print("three items at", round(loop.time() - start, 1))

    t = asyncio.create_task(need_three())
    await asyncio.sleep(0.1)
    async with cond:
        items.append("z")
        cond.notify_all()
    await t


asyncio.run(main())
