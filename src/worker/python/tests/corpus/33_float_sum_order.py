# sleep(0.7) then sleep(0.1) versus sleep(0.8) from the same instant: on a real clock the 0.8 wins.
import asyncio


async def two_steps():
    await asyncio.sleep(0.7)
    await asyncio.sleep(0.1)
    print("two steps (0.7 + 0.1)")


async def one_step():
    await asyncio.sleep(0.8)
    print("one step (0.8)")


async def main():
    print("0.7 + 0.1 == 0.8 ?", 0.7 + 0.1 == 0.8)
    await asyncio.gather(two_steps(), one_step())


asyncio.run(main())
