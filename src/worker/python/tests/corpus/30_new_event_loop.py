# The classic style: new_event_loop, set_event_loop, run_until_complete, close.
import asyncio


async def greet(name, delay):
    await asyncio.sleep(delay)
    print("hello", name)
    return name


async def greet_all():
    return await asyncio.gather(greet("world", 0.2), greet("asyncio", 0.1))


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    start = loop.time()
    print(loop.run_until_complete(greet_all()))
    task = loop.create_task(greet("task", 0.1))
    print(loop.run_until_complete(task))
    print("elapsed", round(loop.time() - start, 1))
finally:
    loop.close()
    asyncio.set_event_loop(None)
print("closed", loop.is_closed())
