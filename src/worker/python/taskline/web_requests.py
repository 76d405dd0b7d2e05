"""Sends the Requests panel's HTTP requests to the program's FastAPI app, concurrently.

The page asks for requests as part of a run: the program runs as usual (defining its app), then
each requested copy becomes a task named after the request, started `stagger` seconds apart, and
its response is printed. The app is the newest one the program created.
"""

import asyncio
import json
import sys

__all__ = ["forget_apps", "send_requests"]


def forget_apps() -> None:
    """Apps from an earlier run in the same interpreter are not this run's."""
    fastapi = sys.modules.get("fastapi")
    if fastapi is not None:
        fastapi.APPS.clear()


def send_requests(requests: list) -> None:
    """requests: [{"method": "GET", "path": "/orders?burgers=3", "copies": 2, "staggerS": 0}]."""
    fastapi = sys.modules.get("fastapi")
    if not requests:
        return
    if fastapi is None or not fastapi.APPS:
        print("Requests were sent, but the program defines no FastAPI app (app = FastAPI()).", file=sys.stderr)
        return
    asyncio.run(_send_all(fastapi, fastapi.APPS[-1], requests))


async def _send_all(fastapi, app, requests: list) -> None:
    async def one(method: str, path: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        response = await fastapi.request(app, method, path)
        body = json.dumps(response.json(), ensure_ascii=False)
        print(f"{method} {path} → {response.status_code} {body} ({response.elapsed:g} s)")

    tasks = []
    for spec in requests:
        method = str(spec.get("method", "GET")).upper()
        path = str(spec.get("path", "/"))
        copies = max(1, min(int(spec.get("copies", 1)), 1000))
        stagger = max(0.0, float(spec.get("staggerS", 0)))
        for i in range(copies):
            name = f"{method} {path}" + (f" #{i + 1}" if copies > 1 else "")
            tasks.append(asyncio.create_task(one(method, path, i * stagger), name=name))
    await asyncio.gather(*tasks)
