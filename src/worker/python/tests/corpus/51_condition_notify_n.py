# Condition sharing a Lock: notify(2) wakes two waiters in FIFO order, wait_for re-checks its predicate.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    stock = []

    async def buyer(name):
        async with cond:
            await cond.wait_for(lambda: stock)
            item = stock.pop(0)
            print(f"{name} bought {item} at", round(loop.time() - start, 1))

    buyers = [asyncio.create_task(buyer(f"b{i}")) for i in range(4)]
    await asyncio.sleep(0.1)
    async with lock:
        stock.extend(["apple", "pear"])
        cond.notify(2)
    await asyncio.sleep(0.1)
    async with cond:
        stock.append("plum")
        cond.notify_all()
    await asyncio.sleep(0.1)
    print("waiting buyers:", sum(not b.done() for b in buyers))
    async with cond:
        stock.append("fig")
        cond.notify()
    await asyncio.gather(*buyers)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
