"""A small FastAPI look-alike that runs tutorial web handlers inside Taskline.

A browser tab cannot listen on a port, so requests come from the Requests panel or from code
(`fastapi.testclient.AsyncTestClient`). What works: `app = FastAPI()`; `@app.get/post/put/delete`
with path parameters (`/items/{item_id}`) and query parameters taken from the handler's signature
(int, float, str, bool, with or without defaults — a missing or malformed one is a 422 error like
FastAPI's); `async def` handlers run as tasks, plain `def` handlers on a thread lane (FastAPI runs
them in a thread pool); dict, list, str and None return values become JSON; `HTTPException`.
What does not: request bodies and pydantic models, dependencies (`Depends`), middleware, routers,
websockets, background tasks, response classes, headers and cookies.
"""

import asyncio
import functools
import inspect
import json
import re
from urllib.parse import parse_qsl, urlsplit

__all__ = ["FastAPI", "HTTPException", "Response", "Query", "Path"]

# Every app the program created, newest last: the Requests panel drives the newest.
APPS: list["FastAPI"] = []

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


class HTTPException(Exception):
    """Raise from a handler to answer with `status_code` and `{"detail": detail}`."""

    def __init__(self, status_code: int, detail=None, headers=None) -> None:
        super().__init__(status_code, detail)
        self.status_code = status_code
        self.detail = detail


def Query(default=inspect.Parameter.empty, **_ignored):  # noqa: N802 - FastAPI's spelling
    """Accepted for compatibility: only the default value is used."""
    return default


def Path(default=inspect.Parameter.empty, **_ignored):  # noqa: N802
    return default


class Response:
    """What a request got back."""

    def __init__(self, status_code: int, body, elapsed: float) -> None:
        self.status_code = status_code
        self._body = body
        self.text = json.dumps(body, ensure_ascii=False)
        # Virtual seconds the request took.
        self.elapsed = elapsed

    def json(self):
        return self._body

    def __repr__(self) -> str:
        return f"<Response [{self.status_code}]>"


class _Route:
    def __init__(self, method: str, path: str, handler, status_code: int) -> None:
        self.method = method
        self.path = path
        self.handler = handler
        self.status_code = status_code
        self.signature = inspect.signature(handler)
        pattern = re.sub(r"\{(\w+)(?::\w+)?\}", r"(?P<\1>[^/]+)", path.rstrip("/") or "/")
        self.regex = re.compile(f"^{pattern}/?$")


def _convert(raw: str, annotation, name: str, where: str):
    """A query/path string as the handler's annotated type; raises ValueError with FastAPI's words."""
    if annotation in (inspect.Parameter.empty, str):
        return raw
    if annotation is bool:
        lowered = raw.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ValueError("Input should be a valid boolean")
    if annotation is int:
        try:
            return int(raw)
        except ValueError:
            raise ValueError("Input should be a valid integer, unable to parse string as an integer") from None
    if annotation is float:
        try:
            return float(raw)
        except ValueError:
            raise ValueError("Input should be a valid number, unable to parse string as a number") from None
    return raw


class FastAPI:
    """An application: routes registered by decorators, called by `handle`."""

    def __init__(self, *args, title: str = "FastAPI", **kwargs) -> None:
        self.title = title
        self.routes: list[_Route] = []
        APPS.append(self)

    def _route(self, method: str, path: str, status_code: int = 200, **_ignored):
        def register(handler):
            self.routes.append(_Route(method, path, handler, status_code))
            return handler

        return register

    def get(self, path: str, **kwargs):
        return self._route("GET", path, **kwargs)

    def post(self, path: str, **kwargs):
        return self._route("POST", path, **kwargs)

    def put(self, path: str, **kwargs):
        return self._route("PUT", path, **kwargs)

    def delete(self, path: str, **kwargs):
        return self._route("DELETE", path, **kwargs)

    async def handle(self, method: str, url: str) -> tuple[int, object]:
        """Answers one request: (status code, JSON-ready body)."""
        parts = urlsplit(url)
        path = parts.path or "/"
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        allowed = False
        for route in self.routes:
            match = route.regex.match(path)
            if match is None:
                continue
            if route.method != method.upper():
                allowed = True
                continue
            return await self._call(route, match.groupdict(), query)
        return (405, {"detail": "Method Not Allowed"}) if allowed else (404, {"detail": "Not Found"})

    async def _call(self, route: _Route, path_params: dict, query: dict) -> tuple[int, object]:
        kwargs, errors = {}, []
        for name, param in route.signature.parameters.items():
            where = "path" if name in path_params else "query"
            raw = path_params.get(name, query.get(name))
            if raw is None:
                if param.default is inspect.Parameter.empty:
                    errors.append({"type": "missing", "loc": [where, name], "msg": "Field required", "input": None})
                else:
                    kwargs[name] = param.default
                continue
            try:
                kwargs[name] = _convert(raw, param.annotation, name, where)
            except ValueError as exc:
                errors.append({"type": "parsing", "loc": [where, name], "msg": str(exc), "input": raw})
        if errors:
            return 422, {"detail": errors}
        try:
            if inspect.iscoroutinefunction(route.handler):
                body = await route.handler(**kwargs)
            else:  # FastAPI runs plain functions in its thread pool
                body = await asyncio.get_running_loop().run_in_executor(None, functools.partial(route.handler, **kwargs))
        except HTTPException as exc:
            return exc.status_code, {"detail": exc.detail}
        return route.status_code, _jsonable(body)


def _jsonable(value):
    """FastAPI's encoding for the return values it supports here (dict, list, str, numbers, None)."""
    return json.loads(json.dumps(value, default=str))


async def request(app: FastAPI, method: str, url: str) -> Response:
    """Sends one request to `app` and times it on the program's clock."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    status, body = await app.handle(method, url)
    return Response(status, body, loop.time() - started)
