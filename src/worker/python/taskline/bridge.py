"""The only module that knows it runs in Pyodide: converts a run's trace batches to JavaScript.

The worker calls `run(source, options, post)` with `post` a JavaScript function; each batch
reaches it as one Float64Array of interleaved rows (a copy, so the worker can split and transfer
it) and a JSON string of details.
"""

import json

from pyodide.ffi import to_js

from .program import run_program

__all__ = ["run"]


def run(source: str, options_json: str, post) -> str:
    """Runs a program; returns the RunEnd + totals as a JSON string."""

    def flush(rows, details):
        post(to_js(rows), json.dumps(details, ensure_ascii=False))

    end = run_program(source, json.loads(options_json), flush)
    return json.dumps(end, ensure_ascii=False)
