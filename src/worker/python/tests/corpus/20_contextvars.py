# contextvars: each task runs in a copy of the context at creation time.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="none")


async def log(msg):
    await asyncio.sleep(0.05)
    print(f"[{request_id.get()}] {msg}")


async def handle(rid, delay):
    request_id.set(rid)
    await asyncio.sleep(delay)
    await log("handled")


async def main():
    request_id.set("main")
    await asyncio.gather(handle("req-1", 0.2), handle("req-2", 0.1))
    await log("main still sees its own value")

    ctx = contextvars.copy_context()
    ctx.run(request_id.set, "custom")
    task = asyncio.create_task(log("task with explicit context"), context=ctx)
    await task
    await log("back in main")


asyncio.run(main())
