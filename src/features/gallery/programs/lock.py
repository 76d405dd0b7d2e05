# Without a Lock, read-modify-write across an await loses updates; with one it does not.
import asyncio

balance = 0


async def deposit(amount, lock=None):
    global balance
    if lock is None:
        current = balance
        await asyncio.sleep(0.1)  # someone else runs here
        balance = current + amount
    else:
        async with lock:
            current = balance
            await asyncio.sleep(0.1)
            balance = current + amount


async def main():
    global balance
    await asyncio.gather(*(deposit(10) for _ in range(5)))
    print("without a lock:", balance)

    balance = 0
    lock = asyncio.Lock()
    await asyncio.gather(*(deposit(10, lock) for _ in range(5)))
    print("with a lock:   ", balance)


asyncio.run(main())
