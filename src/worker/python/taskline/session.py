"""One run of a user's program: the facts the loop observes, turned into trace rows.

The loop (loop.py) tells the session when a handle runs, when something is scheduled and when a
task is created or cancelled; the session decides what that means (a step, a wake-up and by whom,
a suspension on what, an ending) and writes rows. It also holds the run's budgets, because the
loop is where a runaway program can be stopped.

Invariant: every task the user can see has a positive `_tl_id`; 0 means "not drawn" (asyncio's
own housekeeping tasks) or "no task" (code outside any task).
"""

import asyncio
import contextvars as _contextvars
import itertools
import re
import sys
import warnings
from asyncio import events as _events, futures as _futures

from .clock import CLOCK, REAL_PERF_COUNTER
from .frames import USER_FILE, register_source, suspension_point, user_line_of_caller, user_traceback
from .recorder import FLUSH_ROWS, Recorder
from .waitfor import await_cycle, cycle_text, user_line
from .wire import WAIT_TARGET_SHIFT, Outcome, Row, Wait, Waker

__all__ = ["Session", "StopRun", "TracedTask", "USER_FILE", "current_session", "register_source", "user_traceback"]

# How buffered rows reach the page while a run is going. A step that never ends (`while True:
# pass`) can only be stopped by terminating the worker, which drops the rows Python still holds,
# so these rules also bound what such a run loses:
# - A *young* run hands its rows over before every step and callback (with the step's RUN row,
#   so the stuck task's lane shows it running) and after every printed line: a program stuck
#   early loses nothing. Young = until it has handed over YOUNG_ROWS rows (some 150 steps) or
#   for YOUNG_S real seconds, whichever ends first, which caps the cost (~30 us a hand-over) at
#   a few ms per run.
# - Afterwards rows go out once they are FLUSH_INTERVAL_S (real) old, checked after every
#   printed line and every FLUSH_CHECK_HANDLES handles the loop runs (loop.py) and at the end of
#   each loop iteration: a stuck run loses at most that interval plus as many handles. Reading
#   the real clock costs a third of a microsecond in Pyodide, 5% of a sleep(0) step, so it is not
#   read before every step.
FLUSH_INTERVAL_S = 0.05
FLUSH_CHECK_HANDLES = 64
YOUNG_ROWS = 512
YOUNG_S = 0.2
# Finds the user's line in a "Coroutine created at" traceback of a never-awaited warning.
_CREATED_AT_LINE = re.compile(r'File "' + re.escape(USER_FILE) + r'", line (\d+)')
# Frames of origin kept for each coroutine (sys.set_coroutine_origin_tracking_depth), so a
# never-awaited warning names the line where the coroutine was created, not where it was dropped.
# It costs every coroutine call a traceback tuple (about a fifth of a sleep(0) step, measured with
# bench:loop); the warning's line is worth it for learners. 0 would report the line it was dropped.
# One frame: the frame that called the coroutine function, i.e. the creation line. A second frame
# would be Taskline's loop for a coroutine created in a task step, and computing that frame's line
# number (a walk of its line table) cost more than the whole first frame: 1 instead of 2 took
# a traced sleep(0) step from 4.2 to 3.9 µs (in-process A/B, .scratch measurements, BENCHMARKS.md).
_ORIGIN_DEPTH = 1
# The callback of asyncio.sleep's timer: when it runs, a sleep ended.
_SLEEP_DONE = _futures._set_result_unless_cancelled
# Longest repr of a task's result kept in the trace.
MAX_RESULT_CHARS = 200
# A task step computing longer than this (virtual seconds, realistic clock) blocked the loop, as
# asyncio's debug mode reports slow callbacks (loop.slow_callback_duration).
SLOW_STEP_S = 0.1


class StopRun(BaseException):
    """Ends the whole run early (a budget ran out, or nothing can ever happen again)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


_session = None
# The stand-in threading.Thread of the thread lane running now, None outside lanes: what
# threading.current_thread() returns there (browser_limits.py). A module global, not a Session
# attribute: the session stays within CPython's compact instance layout (test_flush.py).
_lane_thread = None


def current_session():
    return _session


def lane_thread():
    return _lane_thread


class TracedTask(asyncio.Task):
    """asyncio.Task that tells the session about its birth and its cancellation."""

    _tl_id = 0
    _tl_cancelling = False

    def __init__(self, coro, *, loop=None, name=None, context=None, eager_start=False):
        session = _session
        if name is None and session is not None:
            name = session.next_task_name()
        super().__init__(coro, loop=loop, name=name, context=context)
        if session is not None:
            session.task_created(self)

    def __repr__(self):
        return super().__repr__().replace("<TracedTask ", "<Task ", 1)

    def cancel(self, msg=None):
        if self._tl_cancelling:  # an await cycle: A.cancel() -> B.cancel() -> A.cancel() ... would overflow the stack
            return False
        if self._tl_id and not self.done() and _session is not None:
            _session.cancel_requested(self, msg)
        self._tl_cancelling = True
        try:
            return super().cancel(msg)
        finally:
            self._tl_cancelling = False


# Programs print tasks and check their type's name; they must see asyncio's own.
TracedTask.__name__ = TracedTask.__qualname__ = "Task"

# Coroutines asyncio runs for its own housekeeping; their tasks are not drawn.
_HIDDEN_CORO_NAMES = frozenset({
    "BaseEventLoop.shutdown_asyncgens",
    "BaseEventLoop.shutdown_default_executor",
    "VirtualLoop.shutdown_default_executor",  # loop.py: waits for the default executor's thread lanes
})


def _sleep_code(seconds: float) -> int:
    """A sleep's requested length packed for a suspend row's target bits (trace.ts
    decodeSleepSeconds): (µs << 1) below 2**25 µs (33 s), else (ms << 1) | 1 below 2**25 ms
    (9.3 h), else 0 = not recorded. 26 bits, so the row's x stays a positive int32."""
    if not 0.0 < seconds < 1e6:  # also NaN and inf (sleep(math.inf))
        return 0
    us = round(seconds * 1e6)
    if us < 1 << 25:
        return us << 1
    ms = round(seconds * 1e3)
    return (ms << 1) | 1 if ms < 1 << 25 else 0


def _short_repr(value: object) -> str:
    try:
        text = repr(value)
    except Exception as exc:  # a broken __repr__ must not break the trace
        text = f"<repr failed: {type(exc).__name__}>"
    return text if len(text) <= MAX_RESULT_CHARS else text[: MAX_RESULT_CHARS - 1] + "…"


class Session:
    """Trace, budgets and bookkeeping of one run."""

    def __init__(self, *, budget: dict, flush, realistic: bool) -> None:
        global _session
        _session = self
        self.rec = Recorder()
        self.flush_cb = flush
        self.max_steps = int(budget.get("maxSteps", 2_000_000))
        self.max_tasks = int(budget.get("maxTasks", 20_000))
        self.max_output = int(budget.get("maxOutputBytes", 2_000_000))
        self.horizon = float(budget.get("virtualHorizonS", 3600.0))
        # Trace rows handed to the page; a budget, since every row costs the page memory.
        self.max_events = int(budget.get("maxTraceEvents", 10_000_000))
        self.events = 0
        self.steps = 0
        self.tasks = 0
        self.output_bytes = 0
        # The lane whose code runs now (a task step or a thread lane), 0 outside any.
        self.current = 0
        # The task whose step runs now (see loop._run_traced); the loop's call_soon compares, and
        # sets it to None when that task queues its own next step (it yielded, e.g. sleep(0)).
        self.running = None
        # The callback handle being run outside any task, to tell who woke a task.
        self.callback_handle = None
        self.stop: StopRun | None = None
        self._ids = itertools.count(1)
        self._names = itertools.count(1)
        self._threads = itertools.count(1)
        # id(future) -> (wait kind, target lane, future) for futures whose meaning we know:
        # sleep timers and thread lanes. The future is held so its id cannot be reused.
        self.marked: dict[int, tuple[int, int, object]] = {}
        self.notes_given: set[str] = set()
        # Task id -> line where it was created, to place warnings about the task.
        self.created_lines: dict[int, int] = {}
        # Lines whose blocking call was already reported (one warning per line, not per call).
        self.blocking_lines_warned: set[int] = set()
        # (task id, line) of slow steps already reported; time.sleep seconds within step `_slept_step`.
        self.slow_steps_warned: set[tuple[int, int]] = set()
        self._slept_step = -1
        self._slept = 0.0
        # Await cycles already reported, as frozensets of task ids.
        self.cycles_warned: set[frozenset] = set()
        # Real time from which pending rows are due for the page (> 0); while the run is young,
        # minus the real time when its youth ends (so always due; the loop then runs steps
        # with the young-run hand-over in loop._run_traced). One attribute for both on purpose: a Session has 30, as many
        # as CPython keeps in an instance's compact layout, and one more makes every `self.x` in
        # the hot path slower (~5% of a sleep(0) step; test_flush.py checks the count).
        self.flush_at = -(REAL_PERF_COUNTER() + YOUNG_S)
        CLOCK.reset(realistic=realistic)
        # Time of the last step boundary: where the next step starts (see loop._run_traced).
        self.last_t = 0.0
        CLOCK.on_sleep = self.blocking_sleep
        self._saved_origin_depth = sys.get_coroutine_origin_tracking_depth()
        sys.set_coroutine_origin_tracking_depth(_ORIGIN_DEPTH)

    def close(self) -> None:
        global _session
        CLOCK.on_sleep = None
        sys.set_coroutine_origin_tracking_depth(self._saved_origin_depth)
        if _session is self:
            _session = None

    # -- names and lanes -------------------------------------------------------------------------

    def next_task_name(self) -> str:
        return f"Task-{next(self._names)}"

    def task_created(self, task) -> None:
        coro = task.get_coro()
        qualname = getattr(coro, "__qualname__", type(coro).__name__)
        if qualname in _HIDDEN_CORO_NAMES:
            return
        self.tasks += 1
        if self.tasks > self.max_tasks:
            self.request_stop("tasks", f"The program created more than {self.max_tasks} tasks, the limit for one run.")
            if self.tasks > self.max_tasks + 1:  # still creating in the same step: end it now, not at the next step
                raise self.stop
        tid = next(self._ids)
        task._tl_id = tid
        now = CLOCK.now()
        line = user_line_of_caller()
        self.created_lines[tid] = line
        detail = {"k": "lane", "lane": "task", "name": task.get_name(), "coro": qualname, "line": line}
        rec = self.rec
        rec.row(Row.CREATED, tid, rec.detail(detail), self.current, now)
        rec.row(Row.READY, tid, Waker.START, self.current, now)

    def cancel_requested(self, task, msg) -> None:
        if self.stop is not None:  # asyncio.run's clean-up after a stop (limit, deadlock): not drawn
            return
        rec = self.rec
        detail = -1 if msg is None else rec.detail({"k": "text", "text": _short_repr(msg) if not isinstance(msg, str) else msg})
        rec.row(Row.CANCEL, task._tl_id, self.current, detail, CLOCK.now())

    # -- what the loop reports -------------------------------------------------------------------

    def scheduled(self, callback, args) -> None:
        """A callback was put on the ready queue; if it steps a task, that task became ready."""
        task = getattr(callback, "__self__", None)
        tid = getattr(task, "_tl_id", 0)
        if not tid:
            return
        if tid == self.current:  # a callback bound to the running task (its own steps go to call_soon's fast path)
            return
        fut = args[0] if args else None
        if self.current:
            waker = self.current
            if fut is not None and getattr(fut, "_tl_id", 0) == waker:
                kind = Waker.DONE
            elif fut is not None and fut.cancelled():
                kind = Waker.CANCEL
            else:
                kind = Waker.PRIMITIVE
        else:
            handle = self.callback_handle
            waker = 0
            if handle is not None and handle._callback is _SLEEP_DONE:  # a sleep ended (the common case)
                kind = Waker.TIMER
            elif handle is not None and isinstance(handle, asyncio.TimerHandle):
                kind = Waker.THREAD if self._is_thread_completion(handle) else Waker.TIMER
                if kind == Waker.THREAD:
                    waker = self.marked.get(id(handle._args[0]), (0, 0, None))[1]
            elif fut is not None and fut.cancelled():
                if self.stop is not None:  # asyncio.run cancelling what a stopped run left: not the program's doing
                    return
                kind = Waker.CANCEL
            else:
                source = handle._args[0] if handle is not None and handle._args else None
                waker = getattr(source, "_tl_id", 0)
                kind = Waker.DONE if waker else Waker.OTHER
        self.rec.extend((Row.READY, tid, kind, waker, self.last_t if self.current else CLOCK.now()))

    def _is_thread_completion(self, handle) -> bool:
        args = handle._args
        return bool(args) and self.marked.get(id(args[0]), (0,))[0] == Wait.THREAD

    def timer_scheduled(self, callback, args, when: float = 0.0, asked=None) -> None:
        if callback is _futures._set_result_unless_cancelled and args:
            fut = args[0]
            # The requested length rides in the suspend row's target bits (see _sleep_code), so
            # a sleep cancelled early can still say how long it was meant to be: the delay asked
            # of call_later (asyncio.sleep's), else what is left until `when`.
            seconds = asked if asked is not None else (when - CLOCK.now() if when else 0.0)
            self.marked[id(fut)] = (Wait.SLEEP, _sleep_code(seconds), fut)
            if len(self.marked) > 50_000:
                self.marked = {k: v for k, v in self.marked.items() if not v[2].done()}

    # One task step is run by loop._run_traced (the hot path, in one function); these are the
    # parts of it that are not every step's.

    def suspended(self, task, tid: int, now: float) -> None:
        """The step ended with the task waiting: what on, and at which line."""
        kind, target, line = self._suspension(task)
        self.rec.extend((Row.SUSPEND, tid, kind | (target << WAIT_TARGET_SHIFT), line, now))
        if kind == Wait.TASK or kind == Wait.GATHER:
            self._check_await_cycle(task)

    def steps_ran_out(self) -> None:
        self.request_stop("steps", f"The program ran {self.max_steps:,} steps, the limit for one run.")

    def run_callback(self, handle) -> None:
        if handle._callback is not _SLEEP_DONE:  # a sleep's timer: its READY row says it
            self.rec.extend((Row.CALLBACK, 0, 0, 0, self.last_t))
        if self.flush_at < 0:  # a young run: hand over before the callback, which may never end
            self.flush()
        self.callback_handle = handle
        try:
            handle._context.run(handle._callback, *handle._args)  # Handle._run, minus a frame
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            callback_failed(handle, exc)
        finally:
            self.callback_handle = None
            self.last_t = CLOCK.now()

    def clock_moved(self) -> None:
        """The loop jumped the clock (or something else moved it between steps)."""
        self.last_t = CLOCK.now()

    def finished(self, task, tid: int, now: float) -> None:
        rec = self.rec
        if task.cancelled():
            outcome = Outcome.CANCELLED
            detail = {"k": "end", "excType": "CancelledError"}
        else:
            exc = task._exception
            if exc is None:
                outcome = Outcome.DONE
                detail = {"k": "end", "result": _short_repr(task._result)}
            else:
                outcome = Outcome.FAILED
                detail = {"k": "end", "excType": type(exc).__name__, "excMessage": str(exc), "traceback": user_traceback(exc)}
        rec.row(Row.FINISH, tid, outcome, rec.detail(detail), now)

    def _suspension(self, task) -> tuple[int, int, int]:
        """(wait kind, target lane, user line) of a task that just suspended."""
        waiter = task._fut_waiter
        kind, target = Wait.UNKNOWN, 0
        if waiter is not None:
            target = getattr(waiter, "_tl_id", 0)
            if target:
                kind = Wait.TASK
            else:
                known = self.marked.pop(id(waiter), None)  # a sleep's future is awaited once
                if known is not None:
                    kind, target = known[0], known[1]
                    if kind == Wait.THREAD:  # still needed when the lane's end wakes the task
                        self.marked[id(waiter)] = known
                elif isinstance(waiter, asyncio.tasks._GatheringFuture):
                    kind = Wait.GATHER
        line, chain_kind = suspension_point(task.get_coro())
        if kind == Wait.UNKNOWN or (kind == Wait.GATHER and chain_kind == Wait.TASK_GROUP):
            kind = chain_kind if chain_kind != Wait.UNKNOWN else (Wait.FUTURE if waiter is not None else Wait.UNKNOWN)
        return kind, target, line

    # -- thread lanes ----------------------------------------------------------------------------

    def run_on_thread_lane(self, loop, func, args, executor=None):
        """Runs func(*args) now on its own lane and clock; returns a future done at the lane's end.

        The function sees what it would in an executor's worker thread: no running event loop,
        and a current_thread() that is not the main thread, named as the executor names its
        threads (asyncio_0, asyncio_1, ... for the default one; see _pool_thread). When every
        worker of an executor with max_workers is busy, the job waits in its queue: the lane
        starts when the first of them is free."""
        fut = loop.create_future()
        name = _callable_name(func)
        lid = next(self._ids)
        rec = self.rec
        started = CLOCK.enter_lane()
        detail = {"k": "lane", "lane": "thread", "name": f"Thread-{next(self._threads)} ({name})", "coro": name, "line": user_line_of_caller()}
        rec.row(Row.CREATED, lid, rec.detail(detail), self.current, started)
        worker = _pool_thread(loop if executor is None else executor, started)
        if started < worker.free_at < float("inf"):  # queued behind busy workers
            CLOCK.advance(worker.free_at - started)
        # The worker thread's own context, as in CPython (run_in_executor copies nothing; to_thread
        # wraps the function in a copy of the caller's); a fresh one if the worker is already in it.
        context = worker.context if worker.free_at != float("inf") else _contextvars.Context()
        worker.free_at = float("inf")  # busy until the lane ends
        rec.row(Row.RUN, lid, 0, 0, CLOCK.now())
        global _lane_thread
        outer, outer_thread, running_loop = self.current, _lane_thread, _events._get_running_loop()
        self.current = -lid  # negative: a thread lane, whose time.sleep is not blocking the loop
        _lane_thread = worker.thread
        _events._set_running_loop(None)
        result = exc = None
        try:
            result = context.run(func, *args)
        except StopRun:
            raise
        except BaseException as e:  # delivered through the future, as a real executor does
            exc = e
        finally:
            _events._set_running_loop(running_loop)
            self.current, _lane_thread = outer, outer_thread
            ended = worker.free_at = CLOCK.leave_lane(started)
        if exc is None:
            rec.row(Row.FINISH, lid, Outcome.DONE, rec.detail({"k": "end", "result": _short_repr(result)}), ended)
        else:
            rec.row(Row.FINISH, lid, Outcome.FAILED, rec.detail({"k": "end", "excType": type(exc).__name__, "excMessage": str(exc), "traceback": user_traceback(exc)}), ended)
        self.marked[id(fut)] = (Wait.THREAD, lid, fut)
        loop.call_at(ended, _settle, fut, result, exc)
        return fut

    # -- the program's side effects --------------------------------------------------------------

    def blocking_sleep(self, seconds: float) -> None:
        """time.sleep: the clock moves at once; inside a task step, the whole loop is blocked."""
        now = CLOCK.now()
        if now + seconds > self.horizon:
            self.request_stop("virtual-horizon", self._horizon_message(now + seconds))
            raise self.stop
        lane = self.current
        rec = self.rec
        if lane < 0:  # a thread lane sleeps without blocking anyone
            rec.row(Row.SUSPEND, -lane, Wait.SLEEP | (_sleep_code(seconds) << WAIT_TARGET_SHIFT), user_line_of_caller(), now)
            CLOCK.advance(seconds)
            rec.row(Row.RUN, -lane, 0, 0, CLOCK.now())
            return
        line = user_line_of_caller()
        if self._slept_step != self.steps:
            self._slept_step, self._slept = self.steps, 0.0
        self._slept += seconds
        rec.row(Row.BLOCK_START, lane, line, 0, now)
        if lane and line not in self.blocking_lines_warned:
            self.blocking_lines_warned.add(line)
            self.warn("blocking-call", lane, f"time.sleep({seconds:g}) blocks the event loop: no other task runs meanwhile. Use `await asyncio.sleep({seconds:g})` in a coroutine.", line)
        CLOCK.advance(seconds)
        rec.row(Row.BLOCK_END, lane, 0, 0, CLOCK.now())

    def lane_waits(self, seconds: float, kind: int) -> None:
        """The running thread lane waits `seconds` (e.g. for a threading.Lock that an earlier lane
        held then): its clock moves on, drawn as a suspension of that kind."""
        lane, now = -self.current, CLOCK.now()
        self.rec.row(Row.SUSPEND, lane, kind, user_line_of_caller(), now)
        CLOCK.advance(seconds)
        self.rec.row(Row.RUN, lane, 0, 0, CLOCK.now())

    def output(self, stream: int, text: str) -> None:
        self.output_bytes += len(text)
        if self.output_bytes > self.max_output:
            if self.stop is None:
                self.request_stop("output", f"The program printed more than {self.max_output:,} characters, the limit for one run.")
            raise self.stop
        lane = self.current
        self.rec.output(-lane if lane < 0 else lane, stream, text, CLOCK.now())
        # A finished line goes out when due (at once while young): the step printing it may never
        # end. Waiting for the newline keeps print()'s two writes ("text", "\n") in one row.
        if text[-1] == "\n" and REAL_PERF_COUNTER() >= self.flush_at:
            self.flush()

    def note(self, code: str, message: str) -> None:
        """A one-off explanation for the console (e.g. where plain Python would behave differently)."""
        if code in self.notes_given:
            return
        self.notes_given.add(code)
        lane = abs(self.current)
        self.warn(code, lane, message, user_line_of_caller())
        self.rec.output(lane, 2, message + "\n", CLOCK.now())  # also in the console, where a person reads it

    # -- what asyncio itself would warn about ----------------------------------------------------

    def warn(self, code: str, task: int, message: str, line: int, cycle: list | None = None) -> None:
        """A problem on a task's lane (and in the Problems list): see WarningDetail in trace.ts.
        `cycle`: the lane ids of the await cycle the problem names, if any."""
        rec = self.rec
        detail = {"k": "warning", "code": code, "message": message, "line": line}
        if cycle:
            detail["cycle"] = cycle
        rec.row(Row.WARNING, task, rec.detail(detail), 0, CLOCK.now())

    def slow_step(self, task, tid: int, duration: float) -> None:
        """A step took longer than SLOW_STEP_S: the computation in it (not time.sleep) blocked the loop."""
        computed = duration - (self._slept if self._slept_step == self.steps else 0.0)
        if computed <= SLOW_STEP_S:
            return
        line = user_line(task) if not task.done() else self.created_lines.get(tid, 0)
        if (tid, line) in self.slow_steps_warned:
            return
        self.slow_steps_warned.add((tid, line))
        where = f" (the step ending at line {line})" if line and not task.done() else ""
        self.warn("slow-step", tid, f"{task.get_name()} computed for {computed * 1000:.0f} ms without an await{where}: "
                  f"the event loop was blocked and no other task ran meanwhile (asyncio's debug mode reports steps over "
                  f"{SLOW_STEP_S * 1000:.0f} ms). Split the work with `await asyncio.sleep(0)` or move it to `asyncio.to_thread`.", line)

    def _check_await_cycle(self, task) -> None:
        """The task just suspended on another task (or a gather): did that close an await cycle?"""
        cycle = await_cycle(task)
        key = frozenset(t._tl_id for t in cycle)
        if not cycle or key in self.cycles_warned:
            return
        self.cycles_warned.add(key)
        text = "Await cycle: " + cycle_text(cycle) + "."
        ids = [t._tl_id for t in cycle]
        for member in cycle:
            self.warn("await-cycle", member._tl_id, text, user_line(member), ids)

    def asyncio_complained(self, context: dict) -> None:
        """The loop's exception handler was called: asyncio is reporting a problem."""
        message = str(context.get("message", ""))
        task = context.get("task") or context.get("future")
        tid = getattr(task, "_tl_id", 0)
        name = task.get_name() if hasattr(task, "get_name") else "a future"
        exc = context.get("exception")
        if "never retrieved" in message:
            code, text = "exception-never-retrieved", f"{name} failed with {type(exc).__name__}: {exc}, and nothing ever awaited it or asked for its exception."
        elif "destroyed but it is pending" in message:
            code, text = "destroyed-pending", f"{name} was still pending when it was destroyed: nothing kept a reference to it or awaited it."
        else:
            code, text = "exception-in-callback", message + (f" ({type(exc).__name__}: {exc})" if exc is not None else "")
        self.warn(code, tid, text, self.created_lines.get(tid, 0))

    def coroutine_never_awaited(self, text: str, warned_line: int = 0) -> None:
        """A RuntimeWarning "coroutine ... was never awaited"; its text names where it was created
        when origins are tracked, else the warning's own line (where the coroutine was dropped)."""
        match = _CREATED_AT_LINE.search(text)
        line = int(match.group(1)) if match else warned_line
        first = text.split("\n", 1)[0]
        self.warn("never-awaited", abs(self.current), f"{first}: calling a coroutine function only creates the coroutine; await it or wrap it in asyncio.create_task().", line)

    # -- budgets and flushing --------------------------------------------------------------------

    def _horizon_message(self, when: float) -> str:
        return (f"The program's clock would pass the virtual time limit of {self.horizon:g} s "
                f"(next wake-up at t = {when:g} s).")

    def check_horizon(self, when: float) -> None:
        if when > self.horizon:
            self.request_stop("virtual-horizon", self._horizon_message(when))

    def request_stop(self, reason: str, message: str) -> None:
        if self.stop is None:
            self.stop = StopRun(reason, message)

    def maybe_flush(self) -> None:
        """At the end of a loop iteration: hands rows over when the batch is full or due."""
        rec = self.rec
        if rec.pending_rows() >= FLUSH_ROWS:
            self.flush()
            return
        if rec.pending_rows() and self.flush_at > 0 and REAL_PERF_COUNTER() >= self.flush_at:  # young: the next step hands over
            self.flush()

    def flush(self) -> None:
        started = REAL_PERF_COUNTER()
        rows = self.rec.pending_rows()
        if rows or self.rec.details:
            self.flush_cb(*self.rec.drain())
            self.events += rows
            if self.events > self.max_events:
                self.request_stop("trace-events", f"The program's trace grew past {self.max_events:,} events, the limit for one run.")
        now = REAL_PERF_COUNTER()
        if self.flush_at > 0 or self.events >= YOUNG_ROWS or now >= -self.flush_at:
            self.flush_at = now + FLUSH_INTERVAL_S
        CLOCK.exclude(now - started)  # handing the trace to the page is not the program's time

    def loop_ended(self) -> None:
        self.rec.row(Row.LOOP_END, 0, 0, 0, CLOCK.now())


def _callable_name(func) -> str:
    """What a person would call the function a thread lane runs (to_thread wraps it twice)."""
    import contextvars
    import functools

    while isinstance(func, functools.partial):
        inner = func.func
        if getattr(inner, "__self__", None).__class__ is contextvars.Context and func.args:
            inner = func.args[0]  # to_thread's partial(context.run, func, ...)
        func = inner
    return getattr(func, "__qualname__", None) or getattr(func, "__name__", None) or type(func).__name__


_SHOW_WARNING = warnings.showwarning


def _show_warning(message, category, filename, lineno, file=None, line=None):
    """warnings.showwarning during runs: a never-awaited coroutine also becomes a lane problem."""
    session = _session
    if session is not None and issubclass(category, RuntimeWarning) and "was never awaited" in str(message):
        session.coroutine_never_awaited(str(message), lineno if filename == USER_FILE else 0)
    _SHOW_WARNING(message, category, filename, lineno, file, line)


def install_warning_hook() -> None:
    warnings.showwarning = _show_warning


def callback_failed(handle, exc: BaseException) -> None:
    """What asyncio's Handle._run does when its callback raises (the loop runs steps and callbacks inline)."""
    from asyncio import format_helpers

    loop = handle._loop
    cb = format_helpers._format_callback_source(handle._callback, handle._args, debug=loop.get_debug())
    context = {"message": f"Exception in callback {cb}", "exception": exc, "handle": handle}
    if handle._source_traceback:
        context["source_traceback"] = handle._source_traceback
    loop.call_exception_handler(context)


class _PoolThread:
    """One worker thread of an executor, as far as thread lanes need it."""

    __slots__ = ("thread", "free_at", "context")

    def __init__(self, name: str) -> None:
        import threading

        self.thread = threading.Thread(name=name)  # never started: only what current_thread() shows
        self.thread._started.set()  # is_alive() is True, as for a running worker
        self.free_at = 0.0  # when its current job ends; inf while a lane runs on it
        self.context = _contextvars.Context()  # a new thread starts in an empty context


def pool_threads_until(owner) -> float:
    """When the last job run on `owner`'s pool (see _pool_thread) ends; 0.0 if it ran none."""
    return max((worker.free_at for worker in getattr(owner, "__dict__", {}).get("_tl_pool_threads", ())), default=0.0)


def _pool_thread(owner, now: float) -> _PoolThread:
    """The worker thread of `owner`'s pool (the loop's default executor, or an executor passed to
    run_in_executor) that takes a job submitted at `now`. Like ThreadPoolExecutor: a thread idle
    by then is reused, the one idle longest first (queue.get wakes its waiters in order);
    otherwise a new one, named prefix_N, up to the executor's max_workers; beyond them the job
    waits for the worker that is free first (its free_at lies after `now`). The default
    executor's max_workers is not modelled: it comes from the machine's CPU count (6 on a
    2-core host, 5 in Pyodide), so no single limit is right."""
    pool = getattr(owner, "__dict__", {}).setdefault("_tl_pool_threads", [])
    idle = [worker for worker in pool if worker.free_at <= now]
    if idle:
        return min(idle, key=lambda worker: worker.free_at)
    limit = None if isinstance(owner, asyncio.AbstractEventLoop) else getattr(owner, "_max_workers", None)
    if isinstance(limit, int) and 0 < limit <= len(pool):
        return min(pool, key=lambda worker: worker.free_at)
    prefix = "asyncio" if isinstance(owner, asyncio.AbstractEventLoop) else (getattr(owner, "_thread_name_prefix", "") or "ThreadPoolExecutor")
    worker = _PoolThread(f"{prefix}_{len(pool)}")
    pool.append(worker)
    return worker


def _settle(fut, result, exc) -> None:
    if fut.cancelled():
        return
    if exc is None:
        fut.set_result(result)
    else:
        fut.set_exception(exc)
