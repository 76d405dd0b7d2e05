"""Threads and processes: what a browser tab cannot start, explained in one paragraph each.

Pyodide runs Python on one thread with no way to start OS threads or processes, so the tutorials'
`threading.Thread`, `ThreadPoolExecutor`, `multiprocessing.Process` / `Pool` / `Queue` and
`ProcessPoolExecutor` cannot run as written. Instead of `RuntimeError: can't start new thread` or
`No module named '_multiprocessing'`, each raises `UnsupportedInBrowser` saying what happens in
real Python and what to use here. (Threads inside asyncio do work: `asyncio.to_thread` and
`loop.run_in_executor` run the function on a thread lane with its own clock.)
"""

__all__ = ["install_browser_limits", "NO_THREADS", "NO_THREAD_POOL", "NO_PROCESSES", "NO_WAITING_FOR_THE_LOOP", "NO_WAITING_FOR_OTHERS"]

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
NO_WAITING_FOR_OTHERS = (
    "A thread lane cannot wait for another thread or a coroutine here: in real Python this thread would block "
    "(on a queue.Queue, threading.Event, Condition or Lock) until someone else puts, sets or releases it, while "
    "everything else goes on running. Taskline runs a thread's function in one go while everything else waits, "
    "so nothing could ever wake it. Pass the thread its data as arguments and return its results, or use an "
    "asyncio.Queue / asyncio.Event between tasks."
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
    _lanes_contend_for_the_programs_locks(threading)
    _refuse_waiting_for_others_in_a_thread_lane(threading)
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
    ...), not the main thread the lane really runs on (session.run_on_thread_lane), and
    threading.local data belongs to that worker."""
    if getattr(threading.current_thread, "_taskline", False):
        return
    from .session import lane_thread

    original = threading.current_thread

    def current_thread():
        return lane_thread() or original()

    current_thread.__doc__ = original.__doc__
    current_thread._taskline = True
    threading.current_thread = current_thread

    # threading.local keeps one set of attributes per thread; the C version keys them on the OS
    # thread, which every lane shares with the main thread. The pure-Python version keys them on
    # current_thread(), so each lane's worker thread gets its own, as in CPython.
    import _threading_local

    _threading_local.current_thread = current_thread
    threading.local = _threading_local.local


def _lanes_contend_for_the_programs_locks(threading) -> None:
    """threading.Lock() called by the program makes a lock that thread lanes contend for.

    Thread lanes run one after another, each on its own clock from its submit time, so a real
    lock is always free when a lane asks for it: two to_thread jobs that each hold a lock for 1 s
    would both end at 1 s, where CPython's second thread waits and ends at 2 s. The program's
    locks remember the spans of virtual time lanes held them; a lane that asks inside such a
    span waits (a lock suspension on its lane) until it ends, or fails at once / after its
    timeout as acquire(blocking=False) / acquire(timeout=...) would. (A lane cannot be delayed
    retroactively: if a later-run lane takes the lock more than a switch interval before an
    earlier-run lane's span began, both hold it.) Spans closer than the GIL's switch interval (5 ms) count as one: a thread
    that lets go of a lock and takes it again that soon keeps it in practice, since the waiting
    thread cannot run before the GIL switches; this also keeps a lock taken in a tight loop at
    one span per lane. Locks made by the standard library stay plain.
    """
    if getattr(threading.Lock, "_taskline", False):
        return
    import sys
    from bisect import bisect_right

    from .clock import CLOCK
    from .frames import USER_FILE
    from . import session as sessions
    from .loop import UnsupportedInBrowser
    from .session import current_session
    from .wire import Wait

    plain = threading.Lock

    class LaneLock:
        __slots__ = ("_lock", "_starts", "_ends", "_since", "__weakref__")

        def __init__(self) -> None:
            self._lock = plain()
            # Spans of virtual time thread lanes held it: sorted, disjoint, as two lists for bisect.
            self._starts: list[float] = []
            self._ends: list[float] = []
            self._since = None  # when the lane holding it now took it

        def acquire(self, blocking=True, timeout=-1):
            if sessions._lane_thread is None:  # not in a thread lane: a plain lock
                return self._lock.acquire(blocking, timeout)
            now = CLOCK.now()
            # The last span starting at or before now, or within a switch interval after it: lanes
            # run one after another, so on the realistic clock a lane run later may ask a few
            # microseconds "before" an earlier one took the lock at what was the same moment (its
            # first call cost more real time); it waits its turn rather than holding it too.
            i = bisect_right(self._starts, now + sys.getswitchinterval()) - 1
            if i >= 0 and now < self._ends[i]:
                wait = self._ends[i] - now
                if not blocking:
                    return False
                if 0 <= timeout < wait:
                    current_session().lane_waits(timeout, Wait.LOCK)
                    return False
                current_session().lane_waits(wait, Wait.LOCK)
            if blocking and timeout < 0 and self._lock.locked():  # held outside the lanes: never released
                raise UnsupportedInBrowser(NO_WAITING_FOR_OTHERS)
            got = self._lock.acquire(blocking, timeout)
            if got:
                self._since = CLOCK.now()
            return got

        def release(self) -> None:
            since = self._since
            if since is not None:
                self._since = None
                if sessions._lane_thread is not None:
                    self._add_span(since, CLOCK.now())
            self._lock.release()

        def _add_span(self, start: float, end: float) -> None:
            if end <= start:
                return
            starts, ends, gap = self._starts, self._ends, sys.getswitchinterval()
            i = bisect_right(starts, start)
            if i and ends[i - 1] >= start - gap:  # (nearly) touches the span before: one span
                i -= 1
                start = starts[i]
            j = i
            while j < len(starts) and starts[j] <= end + gap:  # swallow the spans it reaches
                end = max(end, ends[j])
                j += 1
            starts[i:j] = [start]
            ends[i:j] = [end]

        __enter__ = acquire

        def __exit__(self, *exc_info) -> None:
            self.release()

        def locked(self) -> bool:
            return self._lock.locked()

        def _at_fork_reinit(self) -> None:
            self._lock._at_fork_reinit()
            self._starts.clear()
            self._ends.clear()
            self._since = None

        acquire_lock, release_lock, locked_lock = acquire, release, locked

        def __repr__(self) -> str:
            return repr(self._lock)

    class LockType(type):
        def __instancecheck__(cls, obj) -> bool:
            return isinstance(obj, (plain, LaneLock))

    class Lock(metaclass=LockType):
        def __new__(cls, *args, **kwargs):
            if sys._getframe(1).f_code.co_filename == USER_FILE:
                return LaneLock(*args, **kwargs)
            return plain(*args, **kwargs)

    Lock.__doc__ = plain.__doc__
    Lock.__module__ = "_thread"
    Lock.__name__ = Lock.__qualname__ = LaneLock.__name__ = LaneLock.__qualname__ = "lock"
    Lock._taskline = True
    threading.Lock = Lock


def _refuse_waiting_for_others_in_a_thread_lane(threading) -> None:
    """threading.Condition.wait() inside a thread lane waits for a notify that nobody can send:
    the lane runs in one go, and Pyodide has no other threads (queue.Queue.get/put and
    threading.Event/Semaphore/Barrier waits all come here). With no timeout the worker would
    hang, so it ends with an explanation; with one, the wait times out after that long on the
    lane's clock (a real wait would leave the virtual clock standing, and queue.Queue.get, whose
    deadline reads the virtual clock, would then wait forever). threading's own deadline clock
    (threading._time, used by Condition.wait_for and the other timed waits) reads the lane's
    clock inside a lane for the same reason."""
    if getattr(threading.Condition.wait, "_taskline", False):
        return
    from .clock import CLOCK
    from .loop import UnsupportedInBrowser
    from .session import current_session, lane_thread
    from .wire import Wait

    original = threading.Condition.wait

    def wait(self, timeout=None):
        if lane_thread() is None:
            return original(self, timeout)
        if timeout is None:
            raise UnsupportedInBrowser(NO_WAITING_FOR_OTHERS)
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        if timeout > 0:
            current_session().lane_waits(timeout, Wait.CONDITION)
        return False

    wait.__doc__ = original.__doc__
    wait._taskline = True
    threading.Condition.wait = wait

    real_time = threading._time

    def deadline_clock() -> float:
        return CLOCK.now() if lane_thread() is not None else real_time()

    threading._time = deadline_clock
