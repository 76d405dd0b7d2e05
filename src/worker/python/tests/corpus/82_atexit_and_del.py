# atexit handlers and __del__ of objects still alive at the end run when the interpreter exits.
import asyncio
import atexit


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("released", self.name)


def goodbye():
    print("atexit: goodbye")


atexit.register(goodbye)
kept = Resource("global")


async def main():
    temp = Resource("temp")
    await asyncio.sleep(0.1)
    del temp
    print("main done")


asyncio.run(main())
print("end of program")
