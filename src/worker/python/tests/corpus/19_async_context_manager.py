# Async context managers: a class with __aenter__/__aexit__ and @asynccontextmanager.
import asyncio
import contextlib


class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print(f"open {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        print(f"close {self.name}, error: {exc_type.__name__ if exc_type else None}")
        return False


@contextlib.asynccontextmanager
async def transaction(name):
    print(f"begin {name}")
    try:
        yield name.upper()
    except KeyError as e:
        print(f"rollback {name}: {e}")
    else:
        print(f"commit {name}")


async def main():
    async with Connection("db") as conn:
        print("using", conn.name)
    try:
        async with Connection("cache"):
            raise RuntimeError("oops")
    except RuntimeError as e:
        print("propagated", e)

    async with transaction("t1") as t:
        print("inside", t)
    async with transaction("t2"):
        raise KeyError("k")
    print("done")


asyncio.run(main())
