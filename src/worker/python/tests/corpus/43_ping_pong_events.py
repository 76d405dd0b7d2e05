# Two tasks play ping-pong by handing an Event back and forth.
import asyncio


async def player(name, mine, theirs, rounds):
    for i in range(rounds):
        await mine.wait()
        mine.clear()
        print(name, i)
        await asyncio.sleep(0.05)
        theirs.set()


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    ping, pong = asyncio.Event(), asyncio.Event()
    ping.set()
    await asyncio.gather(player("ping", ping, pong, 3), player("pong", pong, ping, 3))
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
