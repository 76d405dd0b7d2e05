"""Taskline's runtime inside the Python worker: a virtual-time asyncio loop that traces everything.

`install()` redirects asyncio and the clocks once per interpreter; `run_program()` runs one user
program and streams its trace. Only `bridge.py` knows about Pyodide and JavaScript.
"""

from .install import install
from .program import run_program, warm_up

__all__ = ["install", "run_program", "warm_up"]
