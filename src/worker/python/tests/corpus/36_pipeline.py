# A three-stage pipeline connected by queues, shut down with a sentinel.
import asyncio

DONE = object()


async def source(out):
    for word in ["alpha", "beta", "gamma"]:
        await asyncio.sleep(0.1)
        print("source", word)
        await out.put(word)
    await out.put(DONE)


async def upper(inp, out):
    while (item := await inp.get()) is not DONE:
        await asyncio.sleep(0.08)
        await out.put(item.upper())
    await out.put(DONE)


async def sink(inp, collected):
    while (item := await inp.get()) is not DONE:
        print("sink", item)
        collected.append(item)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    q1, q2, collected = asyncio.Queue(), asyncio.Queue(), []
    await asyncio.gather(source(q1), upper(q1, q2), sink(q2, collected))
    print(collected, "in", round(loop.time() - start, 1))


asyncio.run(main())
