"""Stands in for uvicorn: a browser tab cannot listen on a port, so `uvicorn.run(app)` explains
where the app's requests come from instead."""

__all__ = ["run"]


def run(app, *args, **kwargs) -> None:
    print("uvicorn.run: a browser tab cannot listen on a port. Send requests to the app from the "
          "Requests panel, or from code with fastapi.testclient.AsyncTestClient.")
