"""Runs one user program from source to a result the page can show.

A run gets a fresh `__main__` namespace, a fresh session (trace, budgets, clock) and an ambient
VirtualLoop; the source is compiled with top-level `await` allowed, executed, and whatever ends
it (normal end, uncaught exception, syntax error, a budget) becomes one plain result. The
interpreter's own running loop (Pyodide's) is set aside for the duration and restored after.
"""

import ast
import builtins as _builtins
import gc
import asyncio.events as _events
import inspect
import io
import sys

from .clock import CLOCK
from .generators import unwatch as _unwatch_generators, watch as _watch_generators
from .session import USER_FILE, Session, StopRun, current_session, register_source, user_traceback
from .web_requests import forget_apps, send_requests

__all__ = ["run_program", "warm_up"]

# Exercises the loop's hot paths once at boot, so the first real run's steps are not charged
# (in realistic mode) for the browser compiling them.
_WARM_UP = """
import asyncio, time
import fastapi, fastapi.testclient, uvicorn  # tutorial web handlers import these
async def work(n, lock, queue):
    async with lock:
        await asyncio.sleep(0)
    await queue.put(n)
    print(n, end="")
    await asyncio.sleep(0.001 * n)
    return await asyncio.to_thread(time.sleep, 0)
async def main():
    lock, queue = asyncio.Lock(), asyncio.Queue()
    await asyncio.gather(*(work(n, lock, queue) for n in range(20)))
    try:
        async with asyncio.timeout(0.001):
            await asyncio.Event().wait()
    except TimeoutError:
        pass
asyncio.run(main())
"""


class _Stream(io.TextIOBase):
    """sys.stdout / sys.stderr of every run: text goes into the current run's trace, attributed to
    the running task. One object per stream for the interpreter's life, so a logging handler made
    in one run (which keeps a reference to sys.stderr) still writes into the next run's console."""

    def __init__(self, stream: int, name: str) -> None:
        self._stream = stream
        self.name = name

    @property
    def encoding(self) -> str:
        return "utf-8"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        session = current_session()
        if text and session is not None:
            session.output(self._stream, text)
        return len(text)

    def flush(self) -> None:
        pass


STDOUT = _Stream(1, "<stdout>")
STDERR = _Stream(2, "<stderr>")


def _syntax_error(exc: SyntaxError) -> dict:
    import traceback

    return {
        "kind": "syntax",
        "excType": type(exc).__name__,
        "message": exc.msg or str(exc),
        "line": exc.lineno or 1,
        "column": exc.offset or 1,
        "traceback": "".join(traceback.format_exception_only(type(exc), exc)),
    }


def _exception_error(exc: BaseException) -> dict:
    tb = exc.__traceback__
    line = 0
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == USER_FILE:
            line = tb.tb_lineno
        tb = tb.tb_next
    error = {"kind": "exception", "excType": type(exc).__name__, "message": str(exc), "traceback": user_traceback(exc)}
    if line:
        error["line"] = line
    return error


def run_program(source: str, options: dict, flush) -> dict:
    """Runs `source`; calls flush(rows, details) with trace batches; returns the end.

    rows is an array('d') of interleaved (kind, task, x, y, t) rows (see recorder.py).

    options: {"clock": "realistic" | "ideal", "budget": {virtualHorizonS, maxSteps, maxTasks,
    maxOutputBytes}}. The returned dict matches RunEnd + RunTotals in src/protocol/messages.ts.
    """
    session = Session(budget=options.get("budget") or {}, flush=flush, realistic=options.get("clock") != "ideal")
    saved_running = _events._get_running_loop()
    saved_streams = sys.stdout, sys.stderr
    policy = _events._get_event_loop_policy()
    end: dict
    ended_at = 0.0
    try:
        _events._set_running_loop(None)
        policy.set_event_loop(None)
        sys.stdout, sys.stderr = STDOUT, STDERR
        builtins_before = dict(_builtins.__dict__)
        main = {}
        try:
            with _exit_funcs_of_this_run() as exit_funcs:
                end = _execute(source, options.get("requests") or [], main)
                end = _interpreter_exit(end, exit_funcs, main.pop("namespace", None))
        finally:
            # A program may replace builtins (`builtins.len = ...`); Taskline's own bookkeeping
            # after it (warnings, the last flush) runs on the real ones.
            _restore_builtins(builtins_before)
        ended_at = CLOCK.now()  # the program's end; what follows is Taskline's bookkeeping
        gc.collect()  # "exception never retrieved" and "never awaited" warnings belong to this run
        if session.stop is not None and end["status"] != "stopped":  # the program swallowed the stop
            end = {"status": "stopped", "reason": session.stop.reason, "message": session.stop.message}
    finally:
        sigint = _ignore_sigint()  # Stop re-arms the interrupt for a moment: the last rows must still reach the page
        _unwatch_generators()
        sys.stdout, sys.stderr = saved_streams
        ambient = policy._local._loop
        if ambient is not None and not ambient.is_closed() and not ambient.is_running():
            ambient.close()
        policy.set_event_loop(None)
        _events._set_running_loop(saved_running)
        session.flush()
        session.close()
        _restore_sigint(sigint)
    end["totals"] = {"virtualTimeS": ended_at, "tasks": session.tasks, "steps": session.steps}
    return end


def _restore_builtins(before: dict) -> None:
    """Puts the builtins module's names back as they were before the program ran."""
    current = _builtins.__dict__
    for name in [name for name in current if name not in before]:
        del current[name]
    current.update(before)


def _ignore_sigint():
    """Ignores KeyboardInterrupt from the page's interrupt buffer; returns what to restore."""
    import signal

    try:
        return signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError):  # no signal support here
        return None


def _restore_sigint(previous) -> None:
    import signal

    if previous is not None:
        signal.signal(signal.SIGINT, previous)


def warm_up() -> list[dict]:
    """Runs the warm-up program in both clock modes; returns the two ends (both "done")."""
    return [run_program(_WARM_UP, {"clock": clock, "budget": {}}, lambda rows, details: None) for clock in ("realistic", "ideal")]


class _exit_funcs_of_this_run:
    """atexit.register/unregister called by the program record into a list of this run's own
    (the interpreter outlives the run); libraries' registrations go to the real atexit."""

    def __enter__(self) -> list:
        import atexit

        funcs: list = []
        self.saved = atexit.register, atexit.unregister
        real_register, real_unregister = self.saved

        def register(func, *args, **kwargs):
            if sys._getframe(1).f_code.co_filename != USER_FILE:
                return real_register(func, *args, **kwargs)
            if not callable(func):
                raise TypeError("the first argument must be callable")
            funcs.append((func, args, kwargs))
            return func

        def unregister(func):
            funcs[:] = [entry for entry in funcs if entry[0] != func]
            real_unregister(func)

        register.__doc__, unregister.__doc__ = real_register.__doc__, real_unregister.__doc__
        atexit.register, atexit.unregister = register, unregister
        return funcs

    def __exit__(self, *exc_info) -> None:
        import atexit

        atexit.register, atexit.unregister = self.saved


def _interpreter_exit(end: dict, exit_funcs: list, namespace: dict | None) -> dict:
    """What CPython does after the program when its interpreter exits: the atexit handlers, last
    registered first (one that raises is reported and skipped), then __main__'s globals are
    cleared (names starting with an underscore first, as _PyModule_ClearDict does), which runs
    the finalizers (__del__) of the objects only they kept alive. Not after a stop: that
    program would still be running (or stuck) in CPython."""
    if end["status"] == "stopped":
        return end
    try:
        while exit_funcs:
            func, args, kwargs = exit_funcs.pop()
            try:
                func(*args, **kwargs)
            except StopRun:
                raise
            except BaseException as exc:
                sys.stderr.write(f"Exception ignored in atexit callback {func!r}:\n{user_traceback(exc)}")
        if namespace is not None:
            for underscored in (True, False):
                for name in list(namespace):
                    if name != "__builtins__" and name.startswith("_") == underscored:
                        namespace[name] = None
    except StopRun as stop:
        return {"status": "stopped", "reason": stop.reason, "message": stop.message}
    return end


def _execute(source: str, requests: list, main: dict) -> dict:
    register_source(source)
    forget_apps()
    try:
        code = compile(source, USER_FILE, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
    except SyntaxError as exc:  # also IndentationError, TabError
        return {"status": "error", "error": _syntax_error(exc)}
    except ValueError as exc:  # e.g. "source code string cannot contain null bytes"
        return {"status": "error", "error": {"kind": "syntax", "excType": "SyntaxError", "message": str(exc), "line": 1, "column": 1, "traceback": f"SyntaxError: {exc}\n"}}
    namespace = main["namespace"] = {"__name__": "__main__", "__file__": USER_FILE, "__builtins__": __builtins__}
    _watch_generators(current_session(), code)  # generator lanes (generators.py)
    main_module = sys.modules.get("__main__")
    try:
        if code.co_flags & inspect.CO_COROUTINE:
            coro = eval(code, namespace)
            _events._get_event_loop_policy().get_event_loop().run_until_complete(coro)
        else:
            exec(code, namespace)
        send_requests(requests)  # the Requests panel's HTTP requests, once the app is defined
    except StopRun as stop:
        return {"status": "stopped", "reason": stop.reason, "message": stop.message}
    except MemoryError as exc:
        where = _exception_error(exc).get("line")
        at = f" (line {where})" if where else ""
        return {"status": "stopped", "reason": "memory",
                "message": f"the program ran out of memory{at}: the browser gives Python at most a few GB"}
    except SystemExit as exc:
        if exc.code is None or exc.code == 0:
            return {"status": "done"}
        return {"status": "error", "error": _exception_error(exc)}
    except BaseException as exc:
        stop = getattr(exc, "__context__", None)
        if isinstance(stop, StopRun):
            return {"status": "stopped", "reason": stop.reason, "message": stop.message}
        return {"status": "error", "error": _exception_error(exc)}
    finally:
        if main_module is not None:
            sys.modules["__main__"] = main_module
    return {"status": "done"}
