# An uncaught exception ends the program: output so far, a traceback, exit status 1.
import asyncio


async def validate(value):
    await asyncio.sleep(0.1)
    if value < 0:
        raise ValueError(f"negative value: {value}")
    print("valid", value)


async def main():
    for v in (3, 1, -2, 5):
        await validate(v)
    print("never reached")


asyncio.run(main())
