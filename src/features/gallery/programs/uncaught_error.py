# An exception nobody catches ends the program with a traceback: this run ends in error.
import asyncio


async def parse(text):
    print(f"parsing {text!r}")
    await asyncio.sleep(0.5)
    return int(text)


async def main():
    numbers = await asyncio.gather(parse("1"), parse("2"), parse("three"))
    print("never printed", numbers)


asyncio.run(main())
