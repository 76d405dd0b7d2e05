# async def makes a coroutine function; asyncio.run starts the event loop and runs it.
import asyncio


async def greet(name):
    print(f"Hello, {name}!")
    await asyncio.sleep(1)  # pause here; the loop is free to run others
    print(f"Goodbye, {name}!")
    return len(name)


# Calling greet() does not run it: it only builds a coroutine object.
coro = greet("asyncio")
print("made", type(coro).__name__)
result = asyncio.run(coro)
print("greet returned", result)
