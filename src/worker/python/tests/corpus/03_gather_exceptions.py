# gather with and without return_exceptions: errors as values, or the first error raised.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    print(f"{name} ok")
    return name


async def main():
    results = await asyncio.gather(
        job("a", 0.1), job("b", 0.2, fail=True), job("c", 0.3), return_exceptions=True
    )
    for r in results:
        print(type(r).__name__, r)

    try:
        await asyncio.gather(job("d", 0.1, fail=True), job("e", 0.2))
    except ValueError as e:
        print("caught", e)
    # the sibling keeps running after gather raised
    await asyncio.sleep(0.2)
    print("end")


asyncio.run(main())
