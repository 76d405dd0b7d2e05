# Callbacks run in the context current when they were scheduled; reset() undoes a set().
import asyncio
import contextvars

user = contextvars.ContextVar("user", default="anonymous")


def show(label):
    print(label, "sees", user.get())


async def main():
    loop = asyncio.get_running_loop()
    token = user.set("alice")
    loop.call_soon(show, "call_soon")
    loop.call_later(0.1, show, "call_later")
    user.set("bob")
    loop.call_soon(show, "second call_soon")
    ctx = contextvars.Context()
    loop.call_soon(show, "empty context", context=ctx)
    fut = loop.create_future()
    fut.add_done_callback(lambda f: show("done callback"))
    user.set("carol")
    fut.set_result(None)
    await asyncio.sleep(0.2)
    user.reset(token)
    show("after reset")

    async def change():
        user.set("dave")
        await asyncio.sleep(0.05)
        show("inside task")

    await asyncio.create_task(change())
    show("main after task")
    try:
        user.reset(token)
    except RuntimeError:
        print("RuntimeError: a token can be used once")


asyncio.run(main())
