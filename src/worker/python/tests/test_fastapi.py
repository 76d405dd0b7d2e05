"""Tutorial FastAPI handlers run unchanged, driven by the Requests panel or an async test client."""

import json
import unittest

from .support import run

BURGERS = """
import asyncio
from fastapi import FastAPI, HTTPException

app = FastAPI()

async def get_burgers(n: int):
    await asyncio.sleep(3)
    return f"{n} burgers"

async def get_coca(n: int):
    await asyncio.sleep(2)
    return f"{n} coca"

@app.get("/orders")
async def read_orders(burgers: int = 0, coca: int = 0, consumer: str = ""):
    b, c = await asyncio.gather(get_burgers(burgers), get_coca(coca))
    return {"consumer": consumer, "burgers": b, "coca": c}

@app.get("/items/{item_id}")
def read_item(item_id: int, q: str | None = None):
    if item_id == 0:
        raise HTTPException(status_code=404, detail="Item not found")
    return {"item_id": item_id, "q": q}
"""


def responses(r) -> list[tuple[str, int, object]]:
    out = []
    for line in r.stdout().splitlines():
        request, rest = line.split(" → ")
        status, body_and_time = rest.split(" ", 1)
        body = json.loads(body_and_time.rsplit(" (", 1)[0])
        out.append((request, int(status), body))
    return out


class RequestsPanel(unittest.TestCase):
    def test_two_concurrent_orders_finish_in_three_seconds(self):
        r = run(BURGERS, requests=[{"method": "GET", "path": "/orders?burgers=3&coca=2&consumer=Ann", "copies": 2, "staggerS": 0}])
        self.assertEqual(r.status, "done")
        self.assertEqual(r.virtual_time, 3.0)
        self.assertEqual(responses(r), [
            ("GET /orders?burgers=3&coca=2&consumer=Ann", 200, {"consumer": "Ann", "burgers": "3 burgers", "coca": "2 coca"}),
        ] * 2)
        self.assertIn("GET /orders?burgers=3&coca=2&consumer=Ann #1", r.lanes())
        self.assertIn("GET /orders?burgers=3&coca=2&consumer=Ann #2", r.lanes())

    def test_path_parameters_errors_and_plain_def_handlers_on_a_thread_lane(self):
        r = run(BURGERS, requests=[
            {"method": "GET", "path": "/items/5?q=x"},
            {"method": "GET", "path": "/items/0"},
            {"method": "GET", "path": "/items/abc"},
            {"method": "GET", "path": "/nowhere"},
            {"method": "POST", "path": "/orders"},
        ])
        got = {request: (status, body) for request, status, body in responses(r)}
        self.assertEqual(got["GET /items/5?q=x"], (200, {"item_id": 5, "q": "x"}))
        self.assertEqual(got["GET /items/0"], (404, {"detail": "Item not found"}))
        self.assertEqual(got["GET /items/abc"][0], 422)
        self.assertEqual(got["GET /items/abc"][1]["detail"][0]["loc"], ["path", "item_id"])
        self.assertEqual(got["GET /nowhere"], (404, {"detail": "Not Found"}))
        self.assertEqual(got["POST /orders"], (405, {"detail": "Method Not Allowed"}))
        self.assertTrue(any(name.startswith("Thread-") for name in r.lanes()))

    def test_a_program_drives_its_app_with_the_async_test_client(self):
        r = run(BURGERS + """
from fastapi.testclient import AsyncTestClient

async def main():
    async with AsyncTestClient(app) as client:
        first, second = await asyncio.gather(client.get("/orders?burgers=1"), client.get("/orders?coca=1&consumer=Bo"))
    print(first.status_code, first.json()["burgers"], second.json()["consumer"], second.elapsed)

asyncio.run(main())
""")
        self.assertEqual(r.stdout(), "200 1 burgers Bo 3.0\n")

    def test_uvicorn_run_explains_instead_of_listening(self):
        r = run(BURGERS + "\nimport uvicorn\nuvicorn.run(app, host='0.0.0.0', port=8000)\n")
        self.assertEqual(r.status, "done")
        self.assertIn("Requests panel", r.stdout())


if __name__ == "__main__":
    unittest.main()
