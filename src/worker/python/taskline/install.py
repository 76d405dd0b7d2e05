"""Redirects the interpreter's asyncio arrangements to Taskline before any user code runs.

Pyodide installs its own browser event loop as the running loop, replaces `asyncio.run` with a
variant that needs WebAssembly stack switching, patches `time.sleep` and makes `new_event_loop`
hand out its loop. A Taskline run needs all of those to lead to VirtualLoop and the virtual
clock instead, and needs what a browser cannot do (threads, processes, sockets, a keyboard) to
fail with a sentence that says why and what to use instead.
"""

import asyncio
import asyncio.events as _events
import asyncio.runners as _runners
import builtins

from .clock import install_clock_patches
from .loop import UnsupportedInBrowser, VirtualLoop
from .session import current_session, install_warning_hook
from .browser_limits import install_browser_limits
from .waitfor import install_lock_owners

__all__ = ["install", "AmbientLoopPolicy"]

_AMBIENT_NOTE = (
    "Note: asyncio.get_event_loop() was called with no loop running. Plain Python 3.14 raises "
    "RuntimeError here; Taskline, like Jupyter and Pyodide, provides a loop. Prefer asyncio.run(main())."
)


class AmbientLoopPolicy(_events._BaseDefaultEventLoopPolicy):
    """Hands out VirtualLoops, and an ambient one when the program asks for 'the' loop."""

    _loop_factory = VirtualLoop

    def get_event_loop(self):
        loop = self._local._loop
        if loop is None or loop.is_closed():
            loop = VirtualLoop()
            self._local._loop = loop
        return loop


_C_GET_EVENT_LOOP = _events.get_event_loop


def _get_event_loop():
    if _events._get_running_loop() is None:
        session = current_session()
        if session is not None:
            session.note("ambient-loop", _AMBIENT_NOTE)
    return _C_GET_EVENT_LOOP()


def _refuse(message: str):
    def refuse(*args, **kwargs):
        raise UnsupportedInBrowser(message)

    return refuse


_NO_THREADS = ("A browser tab gives Python no threads, so threading.Thread cannot start here. "
               "Use asyncio tasks for concurrency, or asyncio.to_thread(func) to see a function run on a thread lane.")
_NO_PROCESSES = ("A browser tab cannot start processes, so multiprocessing and subprocess do not work here. "
                 "Use asyncio tasks (or asyncio.to_thread for blocking functions) instead.")
_NO_SOCKETS = ("A browser tab cannot open sockets; simulate network I/O with `await asyncio.sleep(seconds)`.")
_NO_INPUT = ("input() has no keyboard to read from here: Taskline runs your program without a console. "
             "Put the value in the code instead.")


def _install_shims() -> None:
    import socket
    import subprocess
    import threading

    threading.Thread.start = _refuse(_NO_THREADS)
    subprocess.Popen.__init__ = _refuse(_NO_PROCESSES)
    socket.socket.__init__ = _refuse(_NO_SOCKETS)
    socket.create_connection = _refuse(_NO_SOCKETS)

    def no_input(prompt=""):
        raise EOFError(_NO_INPUT)

    builtins.input = no_input
    try:
        import multiprocessing.process as mp_process

        mp_process.BaseProcess.start = _refuse(_NO_PROCESSES)
    except ImportError:
        pass


def install() -> None:
    """Makes asyncio, time and the I/O modules lead to Taskline. Idempotent."""
    install_clock_patches()
    asyncio.run = _runners.run
    _events._set_event_loop_policy(AmbientLoopPolicy())
    asyncio.get_event_loop = _events.get_event_loop = _get_event_loop
    _install_shims()
    install_warning_hook()
    install_lock_owners()
    install_browser_limits()
