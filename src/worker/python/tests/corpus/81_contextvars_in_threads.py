# to_thread runs the function in a copy of the caller's context; run_in_executor in the worker thread's own.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="default")


def read():
    return var.get()


def write(value):
    before = var.get()
    var.set(value)
    return before


async def main():
    loop = asyncio.get_running_loop()
    var.set("task value")
    print("to_thread sees", await asyncio.to_thread(read))
    print("run_in_executor sees", await loop.run_in_executor(None, read))
    print("writer saw", await loop.run_in_executor(None, write, "set in a thread"))
    print("task still sees", var.get())
    print("same worker later sees", await loop.run_in_executor(None, read))


asyncio.run(main())
