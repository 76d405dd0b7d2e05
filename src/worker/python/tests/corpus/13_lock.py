# Lock: tasks enter the critical section one at a time, in arrival order.
import asyncio

balance = 0


async def deposit(lock, name, amount):
    global balance
    async with lock:
        print(f"{name} enters")
        current = balance
        await asyncio.sleep(0.1)
        balance = current + amount
        print(f"{name} leaves, balance {balance}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    lock = asyncio.Lock()
    await asyncio.gather(deposit(lock, "ann", 10), deposit(lock, "bob", 20), deposit(lock, "cat", 30))
    print("final", balance, "locked:", lock.locked())
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
