"""Drive a FastAPI app from code: `async with AsyncTestClient(app) as client: await client.get(url)`."""

from . import Response, request

__all__ = ["AsyncTestClient"]


class AsyncTestClient:
    """An async client that calls the app directly (no network in a browser tab)."""

    def __init__(self, app, base_url: str = "http://test") -> None:
        self.app = app

    async def __aenter__(self) -> "AsyncTestClient":
        return self

    async def __aexit__(self, *exc) -> None:
        return None

    async def get(self, url: str) -> Response:
        return await request(self.app, "GET", url)

    async def post(self, url: str) -> Response:
        return await request(self.app, "POST", url)

    async def put(self, url: str) -> Response:
        return await request(self.app, "PUT", url)

    async def delete(self, url: str) -> Response:
        return await request(self.app, "DELETE", url)
