# Many tasks with identical deadlines wake in creation order, round after round.
import asyncio


async def runner(i, log):
    for r in range(3):
        await asyncio.sleep(0.1)
        log.append((r, i))


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    log = []
    await asyncio.gather(*(runner(i, log) for i in range(40)))
    for r in range(3):
        order = [i for rr, i in log if rr == r]
        print("round", r, "in order:", order == list(range(40)), order[:5])
    done = []
    tasks = [asyncio.create_task(asyncio.sleep(0.2 - 0.05 * (i % 3), result=i)) for i in range(9)]
    for t in tasks:
        t.add_done_callback(lambda t: done.append(t.result()))
    await asyncio.gather(*tasks)
    print("mixed deadlines:", done)
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
