# Output plumbing: partial lines from several tasks, redirect_stdout, print's sep/end/file.
import asyncio
import contextlib
import io
import sys


async def writer(name, n):
    for i in range(n):
        sys.stdout.write(f"{name}{i} ")
        await asyncio.sleep(0.05)
    print(end="|", flush=True)


async def main():
    await asyncio.gather(writer("a", 3), writer("b", 2))
    print()
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        print("captured", 1, 2, sep="-")
        await asyncio.sleep(0.1)
        print("still captured")
    print("buffer held:", repr(buf.getvalue()))
    print("to stdout explicitly", file=sys.stdout)
    print("written", sys.stdout.write("x\n"))


asyncio.run(main())
