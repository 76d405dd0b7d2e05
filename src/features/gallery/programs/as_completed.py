# as_completed hands you results in the order they finish, fastest first.
import asyncio


async def ask(server, delay):
    await asyncio.sleep(delay)
    return f"{server} answered after {delay} s"


async def main():
    requests = [ask("tokyo", 3), ask("paris", 1), ask("lima", 2)]
    for next_done in asyncio.as_completed(requests):
        print(await next_done)


asyncio.run(main())
