# asyncio.Runner runs several coroutines on one loop, which stays open until the with block ends.
import asyncio

results = []


async def step(name, delay):
    await asyncio.sleep(delay)
    results.append(name)
    print(f"{name} done")
    return len(results)


with asyncio.Runner() as runner:
    print("count", runner.run(step("first", 0.1)))
    loop = runner.get_loop()
    start = loop.time()
    print("count", runner.run(step("second", 0.2)))
    print("same loop:", runner.get_loop() is loop, "elapsed", round(loop.time() - start, 1))
print("closed:", loop.is_closed(), results)
