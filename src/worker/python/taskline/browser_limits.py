"""Threads and processes: what a browser tab cannot start, explained in one paragraph each.

Pyodide runs Python on one thread with no way to start OS threads or processes, so the tutorials'
`threading.Thread`, `ThreadPoolExecutor`, `multiprocessing.Process` / `Pool` / `Queue` and
`ProcessPoolExecutor` cannot run as written. Instead of `RuntimeError: can't start new thread` or
`No module named '_multiprocessing'`, each raises `UnsupportedInBrowser` saying what happens in
real Python and what to use here. (Threads inside asyncio do work: `asyncio.to_thread` and
`loop.run_in_executor` run the function on a thread lane with its own clock.)
"""

__all__ = ["install_browser_limits", "NO_THREADS", "NO_THREAD_POOL", "NO_PROCESSES", "NO_WAITING_FOR_THE_LOOP"]

NO_THREADS = (
    "threading.Thread cannot start here: in real Python it runs the function on an OS thread (one thread at a "
    "time holds the GIL, so threads overlap waiting, not computing), but a browser tab gives Python no threads. "
    "Use asyncio tasks to overlap waits, or `await asyncio.to_thread(func, ...)` to see a blocking function on a thread lane."
)
NO_THREAD_POOL = (
    "ThreadPoolExecutor cannot start its threads here: in real Python it runs the functions on a pool of OS threads, "
    "but a browser tab gives Python no threads. Inside asyncio use `await asyncio.to_thread(func, ...)` or "
    "`await loop.run_in_executor(None, func, ...)`, which Taskline draws as thread lanes."
)
NO_PROCESSES = (
    "{what} needs separate processes: in real Python they compute in parallel on other CPU cores (each with its "
    "own GIL), but a browser tab cannot start processes. For waiting "
    "(I/O-bound) work use asyncio tasks; CPU-bound work runs on the one core this tab gives Python, "
    "so here it takes as long as doing it one piece after another."
)
NO_WAITING_FOR_THE_LOOP = (
    "A thread lane cannot wait for the event loop here: in real Python this thread would block until the loop "
    "has finished the coroutine or callback it handed over (e.g. `asyncio.run_coroutine_threadsafe(...).result()`), "
    "while the loop goes on running. Taskline runs a thread's function in one go while the loop waits, so that "
    "result could never arrive. Hand values to the loop with `loop.call_soon_threadsafe(...)`, or await the "
    "coroutine in a task."
)

# multiprocessing's context methods that need the missing _multiprocessing module or a process.
_MP_NAMES = ("Pool", "Queue", "JoinableQueue", "SimpleQueue", "Manager", "Lock", "RLock", "Semaphore",
             "BoundedSemaphore", "Condition", "Event", "Barrier", "Value", "Array", "Pipe")


def _refuse(message: str):
    from .loop import UnsupportedInBrowser

    def refuse(*args, **kwargs):
        raise UnsupportedInBrowser(message)

    return refuse


def install_browser_limits() -> None:
    """Replaces the thread and process entry points with explanations. Idempotent."""
    import concurrent.futures as cf
    import concurrent.futures.thread as cf_thread
    import threading

    threading.Thread.start = _refuse(NO_THREADS)
    cf_thread.ThreadPoolExecutor.submit = _refuse(NO_THREAD_POOL)

    from .loop import UnsupportedInBrowser

    class ProcessPoolExecutor:
        """Stands in for concurrent.futures.ProcessPoolExecutor, which needs processes."""

        def __init__(self, *args, **kwargs):
            raise UnsupportedInBrowser(NO_PROCESSES.format(what="ProcessPoolExecutor"))

    cf.ProcessPoolExecutor = ProcessPoolExecutor
    _refuse_waiting_for_the_loop_in_a_thread_lane(cf.Future)
    _lanes_are_worker_threads(threading)
    try:
        import multiprocessing
        import multiprocessing.context as mp_context
        import multiprocessing.process as mp_process
    except ImportError:
        return
    mp_process.BaseProcess.start = _refuse(NO_PROCESSES.format(what="multiprocessing.Process"))
    for name in _MP_NAMES:
        refuse = _refuse(NO_PROCESSES.format(what=f"multiprocessing.{name}"))
        setattr(mp_context.BaseContext, name, lambda self, *a, _refuse=refuse, **k: _refuse())
        setattr(multiprocessing, name, refuse)


def _refuse_waiting_for_the_loop_in_a_thread_lane(future_type) -> None:
    """concurrent.futures.Future.result()/exception() on an unfinished future, called from a thread
    lane, would block the only thread there is: the lane runs inside the loop's step, so nothing
    could finish the future (the worker hangs, or waits out the timeout in real time)."""
    if getattr(future_type.result, "_taskline", False):
        return
    from .loop import UnsupportedInBrowser
    from .session import current_session

    def guarded(method):
        def wait(self, timeout=None):
            session = current_session()
            if session is not None and session.current < 0 and not self.done():
                raise UnsupportedInBrowser(NO_WAITING_FOR_THE_LOOP)
            return method(self, timeout)

        wait.__name__, wait.__qualname__, wait.__doc__ = method.__name__, method.__qualname__, method.__doc__
        wait._taskline = True
        return wait

    future_type.result = guarded(future_type.result)
    future_type.exception = guarded(future_type.exception)


def _lanes_are_worker_threads(threading) -> None:
    """threading.current_thread() inside a thread lane is the lane's executor worker (asyncio_0,
    ...), not the main thread the lane really runs on (session.run_on_thread_lane)."""
    if getattr(threading.current_thread, "_taskline", False):
        return
    from .session import lane_thread

    original = threading.current_thread

    def current_thread():
        return lane_thread() or original()

    current_thread.__doc__ = original.__doc__
    current_thread._taskline = True
    threading.current_thread = current_thread
