# Retry with exponential backoff: each attempt has its own timeout; elapsed time adds up exactly.
import asyncio

attempt_times = [0.5, 0.5, 0.02]


async def flaky(attempt):
    await asyncio.sleep(attempt_times[attempt])
    return f"ok on attempt {attempt}"


async def with_retry(loop, start):
    delay = 0.1
    for attempt in range(5):
        try:
            async with asyncio.timeout(0.1):
                return await flaky(attempt)
        except TimeoutError:
            print(f"attempt {attempt} timed out at {round(loop.time() - start, 1)}, backing off {delay}")
            await asyncio.sleep(delay)
            delay *= 2
    raise RuntimeError("gave up")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(await with_retry(loop, start))
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
