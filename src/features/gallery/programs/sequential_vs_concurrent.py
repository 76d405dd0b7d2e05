# The same three downloads, first one after another, then all at once.
import asyncio
import time


async def download(page):
    await asyncio.sleep(1)
    return f"<page {page}>"


async def sequential():
    return [await download(p) for p in range(3)]


async def concurrent():
    return await asyncio.gather(*(download(p) for p in range(3)))


async def main():
    for way in (sequential, concurrent):
        start = time.perf_counter()
        pages = await way()
        print(f"{way.__name__:>10}: {len(pages)} pages in {time.perf_counter() - start:.1f} s")


asyncio.run(main())
