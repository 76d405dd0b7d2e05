"""VirtualLoop: CPython's own event loop machinery, minus the waiting.

Everything asyncio does (tasks, futures, locks, queues, timeouts, cancellation) is CPython's code
running on this loop. Only three things differ from `BaseEventLoop`:

- `time()` is the program's virtual clock, and when nothing is ready the loop jumps it to the
  next timer instead of sleeping;
- timers with equal deadlines fire in the order they were scheduled, and deadlines are compared
  after rounding to a nanosecond, so float sums that land on the same instant (0.7 + 0.1 vs 0.8)
  keep the order a real run has (on a real clock the later-scheduled timer is always later);
- every handle it runs is reported to the session, which turns it into trace rows.

It cannot do I/O: sockets, subprocesses and signals fail with an explanation.
"""

import asyncio
import heapq
import itertools

from . import session as _sessions
from .clock import CLOCK
from .session import FLUSH_CHECK_HANDLES, SLOW_STEP_S, StopRun, TracedTask, callback_failed, current_session, pool_threads_until
from .waitfor import deadlock_report
from .wire import Row, Waker

__all__ = ["VirtualLoop", "UnsupportedInBrowser"]

# Deadlines are compared on this grid (seconds), so that rounding noise cannot reorder timers.
_DEADLINE_GRID = 1e-9
# On the realistic clock, timers due within this much of each other fire together in scheduling
# order, as on a real loop that wakes up to a millisecond late (see _collect_due_realistic).
_WAKE_UP_WINDOW_S = 1e-3


class UnsupportedInBrowser(RuntimeError):
    """Raised for what a browser tab cannot do (network, processes, signals)."""


_NO_IO = ("Taskline runs your program inside a browser tab, which cannot open network connections "
          "or start processes; simulate the I/O with `await asyncio.sleep(seconds)` instead.")


_Handle = asyncio.Handle
_TimerHandle = asyncio.TimerHandle
_heappush = heapq.heappush
_INF = float("inf")
_set_result_unless_cancelled = asyncio.futures._set_result_unless_cancelled


def _task_step_type() -> type:
    """The type of the callable a C Task schedules for its next step (_asyncio.TaskStepMethWrapper,
    not importable): found by letting a Task schedule its first step on a stand-in loop."""
    found = []

    class StandIn:
        def get_debug(self):
            return False

        def call_soon(self, callback, *args, context=None):
            found.append(type(callback))

    async def nothing():
        pass

    coro = nothing()
    task = asyncio.Task(coro, loop=StandIn())
    task._log_destroy_pending = False
    coro.close()
    return found[0]


# The C Task schedules each of its steps as loop.call_soon(<TaskStepMethWrapper>, context=...) and
# drops the handle that returns; VirtualLoop queues such a step as a (task, step, context) triple
# instead of a Handle (see call_soon), which saves a Python-level Handle.__init__ per step.
_TASK_STEP = _task_step_type()


def _deadline_key(when: float) -> float:
    if when != when:  # NaN never comes due
        return float("inf")
    return round(when / _DEADLINE_GRID) * _DEADLINE_GRID if when < 1e15 else when


class VirtualLoop(asyncio.BaseEventLoop):
    """An asyncio event loop on the virtual clock, recording into the current session."""

    def __init__(self) -> None:
        super().__init__()
        self._clock_resolution = 0
        self._seq = itertools.count()
        self._asked_delay = None  # the delay of the call_later in progress (see call_later)
        # self._scheduled holds (deadline key, sequence, TimerHandle) triples, a heap.

    def time(self) -> float:
        return CLOCK.now()

    def _process_events(self, event_list) -> None:
        pass

    def _write_to_self(self) -> None:
        pass

    def create_task(self, coro, **kwargs):
        self._check_closed()
        if self._task_factory is not None:
            return self._task_factory(self, coro, **kwargs)
        return TracedTask(coro, loop=self, **kwargs)

    def call_soon(self, callback, *args, context=None):
        if type(callback) is _TASK_STEP and not self._debug:
            # A task's next step, scheduled by the C Task, which drops the handle: queued as a
            # (task, step, context) triple that _run_once runs, with no Handle object.
            if self._closed:
                raise RuntimeError("Event loop is closed")
            task = callback.__self__
            self._ready.append((task, callback, context))
            session = _sessions._session
            if session is not None:
                if task is session.running:
                    session.running = None  # it yielded (e.g. sleep(0)): its next step is queued
                elif getattr(task, "_tl_id", 0):
                    session.scheduled(callback, args)
            return None
        # BaseEventLoop.call_soon inlined: this runs once per step, so every call counts.
        if self._closed:
            raise RuntimeError("Event loop is closed")
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_soon")
        handle = _Handle(callback, args, self, context)
        if handle._source_traceback:
            del handle._source_traceback[-1]
        self._ready.append(handle)
        session = _sessions._session
        if session is not None:
            task = getattr(callback, "__self__", None)
            if task is None:
                pass
            elif task is session.running and type(callback) is _TASK_STEP:  # in debug mode
                session.running = None
            elif getattr(task, "_tl_id", 0):
                session.scheduled(callback, args)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        # From a thread lane (session.current < 0), which ran ahead on its own clock: the callback
        # is due when the thread handed it over (e.g. after its time.sleep), so it waits for the
        # loop's clock to get there, as a real loop only sees it then.
        session = _sessions._session
        if session is not None and session.current < 0 and not self._closed:
            return self.call_at(CLOCK.now(), callback, *args, context=context)
        return super().call_soon_threadsafe(callback, *args, context=context)

    def call_later(self, delay, callback, *args, context=None):
        # BaseEventLoop.call_later, remembering `delay` for call_at: a sleep's suspend row records
        # the length it asked for, which on the realistic clock `when - now` would miss by the
        # microseconds measured in between (e.g. 9,997 µs for sleep(0.01)).
        if delay is None:
            raise TypeError("delay must not be None")
        self._asked_delay = delay
        try:
            timer = self.call_at(self.time() + delay, callback, *args, context=context)
        finally:
            self._asked_delay = None
        if timer._source_traceback:
            del timer._source_traceback[-1]
        return timer

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        if self._closed:
            raise RuntimeError("Event loop is closed")
        if self._debug:
            self._check_callback(callback, "call_at")
        timer = _TimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        # _deadline_key, inlined
        key = _INF if when != when else (round(when / _DEADLINE_GRID) * _DEADLINE_GRID if when < 1e15 else when)
        _heappush(self._scheduled, (key, next(self._seq), timer))
        timer._scheduled = True
        session = _sessions._session
        if session is not None and callback is _set_result_unless_cancelled:
            session.timer_scheduled(callback, args, when, self._asked_delay)
        return timer

    def run_in_executor(self, executor, func, *args):
        """Runs func now, on a thread lane with its own clock (see Session.run_on_thread_lane)."""
        self._check_closed()
        session = current_session()
        if session is None:
            fut = self.create_future()
            try:
                fut.set_result(func(*args))
            except BaseException as exc:
                fut.set_exception(exc)
            return fut
        if executor is None:
            executor = self._default_executor  # one the program set (set_default_executor), or None
        return session.run_on_thread_lane(self, func, args, executor)

    async def shutdown_default_executor(self, *args, **kwargs):
        """Waits, as CPython does, for the default executor's threads: asyncio.run (and Runner)
        call this before closing the loop, so a thread that outlived its awaiter (a to_thread
        under wait_for that timed out) holds the program until it returns. A thread lane ran at
        once on its own clock; here the loop's clock moves on to the end of the last one.
        BaseEventLoop's version joins an executor the program set from a helper thread, which a
        browser cannot start; with no real threads behind it, shutting it down here is enough."""
        executor = self._default_executor
        until = pool_threads_until(self if executor is None else executor)
        if until > self.time():
            ended = self.create_future()
            self.call_at(until, _resolve, ended)
            await ended
        self._executor_shutdown_called = True
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)

    def _run_once(self) -> None:
        session = current_session()
        if session is not None and session.stop is not None:
            raise session.stop
        scheduled = self._scheduled
        while scheduled and scheduled[0][2]._cancelled:
            self._timer_cancelled_count -= 1
            heapq.heappop(scheduled)[2]._scheduled = False
        if len(scheduled) > 100 and self._timer_cancelled_count * 2 > len(scheduled):
            kept = []
            for entry in scheduled:
                if entry[2]._cancelled:
                    entry[2]._scheduled = False
                else:
                    kept.append(entry)
            heapq.heapify(kept)
            self._scheduled = scheduled = kept
            self._timer_cancelled_count = 0

        ready = self._ready
        if not ready and not self._stopping:
            if not scheduled or scheduled[0][0] == float("inf"):
                stop = StopRun("deadlock", _deadlock_message(self))
                if session is not None:
                    # Held, so asyncio.run's clean-up cannot cancel the stuck tasks: they stay
                    # waiting (pending), as in plain Python, which would hang here forever.
                    session.stop = stop
                raise stop
            when = scheduled[0][0]
            if session is not None:
                session.check_horizon(when)
                if session.stop is not None:
                    raise session.stop
            CLOCK.jump_to(when)
        if session is not None:
            session.clock_moved()

        if CLOCK.realistic:
            self._collect_due_realistic(scheduled, ready)
            if session is not None:
                session.clock_moved()
        else:
            now_key = _deadline_key(CLOCK.now())
            while scheduled and scheduled[0][0] <= now_key:
                handle = heapq.heappop(scheduled)[2]
                handle._scheduled = False
                ready.append(handle)

        if session is None:
            popleft = ready.popleft
            for _ in range(len(ready)):
                entry = popleft()
                if type(entry) is tuple:
                    _run_hidden_step(self, entry[1], entry[2])
                elif not entry._cancelled:
                    entry._run()
            return
        _run_traced(self, session, len(ready))

    def _collect_due_realistic(self, scheduled, ready) -> None:
        """Moves due timers to `ready` the way a real loop meets them.

        A real loop wakes up to a millisecond late (epoll's timeout is in whole milliseconds) and
        then runs every timer that has come due, so timers whose deadlines lie within that
        millisecond fire together, in the order they were scheduled. On the realistic clock the
        deadlines carry microseconds of measured computation, which would otherwise decide their
        order by noise (e.g. `sleep(0.7); sleep(0.1)` against `sleep(0.8)`).

        Deadlines further apart keep deadline order, as the real loop's heap does: timers left
        overdue by a blocking step (or scheduled with a negative delay) fire earliest first, not
        in the order they were scheduled. So `due` (popped in deadline order) is cut into runs
        whose deadlines lie within the window of the run's first one, and only each run is put
        into scheduling order.
        """
        limit = _deadline_key(CLOCK.now()) + _WAKE_UP_WINDOW_S
        due = []
        while scheduled and scheduled[0][0] <= limit:
            due.append(heapq.heappop(scheduled))
        if not due:
            return
        if len(due) > 1:
            if due[-1][0] - due[0][0] <= _WAKE_UP_WINDOW_S:
                due.sort(key=lambda entry: entry[1])
            else:
                ordered, first = [], 0
                for i in range(1, len(due) + 1):
                    if i == len(due) or due[i][0] - due[first][0] > _WAKE_UP_WINDOW_S:
                        ordered += sorted(due[first:i], key=lambda entry: entry[1])
                        first = i
                due = ordered
        CLOCK.jump_to(max(entry[0] for entry in due))  # never fire a timer before its deadline
        for entry in due:
            handle = entry[2]
            handle._scheduled = False
            ready.append(handle)

    def call_exception_handler(self, context) -> None:
        session = current_session()
        if session is not None:
            session.asyncio_complained(context)
        super().call_exception_handler(context)

    def run_until_complete(self, future):
        try:
            return super().run_until_complete(future)
        finally:
            session = current_session()
            if session is not None:
                session.loop_ended()

    def close(self) -> None:
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        self._ready.clear()
        self._scheduled.clear()
        super().close()

    # -- what a browser cannot do ------------------------------------------------------------------

    async def getaddrinfo(self, *args, **kwargs):
        raise UnsupportedInBrowser(_NO_IO)

    async def create_connection(self, *args, **kwargs):
        raise UnsupportedInBrowser(_NO_IO)

    async def create_server(self, *args, **kwargs):
        raise UnsupportedInBrowser(_NO_IO)

    async def create_datagram_endpoint(self, *args, **kwargs):
        raise UnsupportedInBrowser(_NO_IO)

    async def subprocess_exec(self, *args, **kwargs):
        raise UnsupportedInBrowser(_NO_IO)

    async def subprocess_shell(self, *args, **kwargs):
        raise UnsupportedInBrowser(_NO_IO)

    def add_signal_handler(self, *args, **kwargs):
        raise UnsupportedInBrowser("A browser tab has no signals; Taskline cannot install a signal handler.")

    def add_reader(self, *args, **kwargs):
        raise UnsupportedInBrowser(_NO_IO)

    def add_writer(self, *args, **kwargs):
        raise UnsupportedInBrowser(_NO_IO)


def _deadlock_message(loop) -> str:
    """Names the waiting tasks and follows who waits for whom (see waitfor.py)."""
    session = current_session()
    if session is None:
        return deadlock_report(loop, lambda *args, **kwargs: None, set())
    return deadlock_report(loop, session.warn, session.cycles_warned)


def _resolve(fut) -> None:
    if not fut.done():
        fut.set_result(None)


def _run_hidden_step(loop, step, context) -> None:
    """Runs a queued (task, step, context) step as Handle._run would."""
    try:
        context.run(step)
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:
        callback_failed(_Handle(step, (), loop, context), exc)


def _run_traced(loop, session, count: int) -> None:
    """Runs the first `count` entries of the ready queue and writes what happens into the trace.

    The hot path of a traced run: one function, locals bound once, no call per step but the step
    itself, one clock read and two row appends (RUN, then READY/SUSPEND/FINISH). A task step
    starts when the previous one ended (nothing but the loop runs in between) and ends at one
    read of the clock. `session.current`/`running` name the task whose step runs; they are only
    reset before anything that is not a task step (and when this returns), not between steps.
    call_soon sets `running` to None when the running task queues its own next step (it yielded,
    e.g. sleep(0)), so a yielded task, which cannot be done, costs no `task.done()`.

    In chunks, so rows due for the page go out between entries of a long iteration too (a step
    that never ends can only be stopped by terminating the worker; session.py); a young run
    hands its rows over before every step, with the step's RUN row.
    """
    popleft = loop._ready.popleft
    rows = session.rec.rows  # one list for the whole run (a drain empties it in place)
    clock = CLOCK
    source = clock.source
    max_steps = session.max_steps
    slow = SLOW_STEP_S
    RUN = Row.RUN
    READY = Row.READY
    YIELDED = Waker.OTHER
    try:
        while count:
            chunk = count if count <= FLUSH_CHECK_HANDLES else FLUSH_CHECK_HANDLES
            count -= chunk
            young = session.flush_at < 0
            for _ in range(chunk):
                entry = popleft()
                if type(entry) is tuple:  # a task's step (see call_soon)
                    task, callback, context = entry
                    args = None
                    try:
                        tid = task._tl_id
                    except AttributeError:  # a Task made by a task factory the program set
                        tid = 0
                    if not tid:  # a hidden (housekeeping) task
                        session.current = 0
                        session.running = None
                        _run_hidden_step(loop, callback, context)
                        if session.stop is not None:
                            raise session.stop
                        continue
                else:
                    if entry._cancelled:
                        continue
                    callback = entry._callback
                    task = getattr(callback, "__self__", None)
                    tid = getattr(task, "_tl_id", 0)
                    if not tid:
                        session.current = 0
                        session.running = None
                        if isinstance(task, asyncio.Task):  # a hidden (housekeeping) task
                            entry._run()
                        else:
                            session.run_callback(entry)
                        if session.stop is not None:
                            raise session.stop
                        continue
                    args = entry._args or None
                    context = entry._context
                # One step of task `tid`.
                start = session.last_t
                rows += (RUN, tid, 0, 0, start)
                if young:  # a young run: hand over first, the step may never end
                    session.flush()
                    young = session.flush_at < 0
                session.current = tid
                session.running = task
                try:  # Handle._run, minus a frame; `*()` would cost more than the branch
                    if args is None:
                        context.run(callback)
                    else:
                        context.run(callback, *args)
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException as exc:
                    callback_failed(_Handle(callback, args or (), loop, context), exc)
                session.last_t = now = source() - clock.base  # CLOCK.now(), minus a frame
                if now - start > slow and clock.realistic:  # before the count: see blocking_sleep
                    session.slow_step(task, tid, now - start)
                steps = session.steps = session.steps + 1
                if session.running is None:  # it yielded: its next step is queued (call_soon)
                    rows += (READY, tid, YIELDED, 0, now)
                elif task.done():
                    session.finished(task, tid, now)
                else:
                    session.suspended(task, tid, now)
                if steps >= max_steps:
                    session.steps_ran_out()
                if session.stop is not None:
                    raise session.stop
            session.current = 0
            session.running = None
            session.maybe_flush()
    finally:
        session.current = 0
        session.running = None
