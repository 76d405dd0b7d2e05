# sys.exit inside a coroutine ends the program with that exit status and no traceback.
import asyncio
import sys


async def main():
    for step in range(3):
        await asyncio.sleep(0.1)
        print("step", step)
    print("exiting with status 3")
    sys.exit(3)


asyncio.run(main())
print("never reached")
