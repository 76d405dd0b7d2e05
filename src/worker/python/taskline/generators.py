"""Generator lanes: every generator and async generator of the user's program, drawn as a lane.

A generator is a coroutine driven by hand: `next(g)` runs it to its next `yield`, `g.send(x)`
resumes it with `x`, `g.throw(e)` / `g.close()` raise inside it, and its `return v` reaches the
driver as `StopIteration(v)`. Taskline draws each generator the user's code drives as a lane of
kind "generator" (under the task that started it): *running* while its frame runs, *waiting* at a
`yield` (wait kind `yield`, with the line), and a `handoff` row for each value passed: into the
generator (`next()`, `send(10)`, `throw(ValueError('x'))`, `close()`) and out of it
(`yielded 3`, `returned 42`). While it delegates with `yield from`, it waits on the inner
generator's lane (wait kind `task` with the inner lane as target, so the await arrow is drawn).

It is built on `sys.monitoring` (PEP 669), with local events only on the code objects of the
user's program, so library internals stay invisible and cost nothing: PY_START / PY_RESUME /
PY_YIELD / PY_RETURN on the user's generator functions, CALL on the user's functions that call
`next` / `send`, and the global PY_THROW / PY_UNWIND (not available as local events) filtered to
those generator functions. A generator expression and a generator started by library code (e.g.
a `@contextmanager` function) get no lane.

`send(x)`'s argument is not part of the CALL event when the call is a method call, so it is read
from the call's source: a literal or a variable's current value; any other expression is shown as
its source text.
"""

import ast
import dis
import sys
import types
import weakref

from .clock import CLOCK, REAL_PERF_COUNTER
from .frames import USER_FILE
from .wire import WAIT_TARGET_SHIFT, Handoff, Outcome, Row, Wait

__all__ = ["watch", "unwatch", "HANDOFF_IN", "HANDOFF_OUT"]

# sys.monitoring tool id (0 debugger, 1 coverage, 2 profiler and 5 optimizer are conventional).
TOOL = 4
# A run draws at most this many generator lanes and this many generator rows; past that, the
# program runs on without them (and a note says so).
MAX_LANES = 500
MAX_ROWS = 100_000
# Longest repr of a value passed in or out.
MAX_VALUE_CHARS = 80
# The coro name of the main program's lane (drawn when it drives a generator outside any task).
MAIN_CORO = "<module>"
# A handoff row's y: the value went into the generator or came out of it.
HANDOFF_IN = Handoff.IN
HANDOFF_OUT = Handoff.OUT

_E = sys.monitoring.events
_LOCAL_GEN_EVENTS = _E.PY_START | _E.PY_RESUME | _E.PY_YIELD | _E.PY_RETURN
_GLOBAL_EVENTS = _E.PY_THROW | _E.PY_UNWIND
_DRIVER_NAMES = frozenset({"next", "send", "anext", "asend", "__next__"})
_GEN_SEND = types.GeneratorType.send
_AGEN_ASEND = types.AsyncGeneratorType.asend
_GEN_FLAGS = 0x20 | 0x200  # CO_GENERATOR | CO_ASYNC_GENERATOR
_ASYNC_GEN_FLAG = 0x200
_DISABLE = sys.monitoring.DISABLE


def _short(value) -> str:
    try:
        text = repr(value)
    except Exception as exc:  # a broken __repr__ must not break the run
        text = f"<repr failed: {type(exc).__name__}>"
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


def _line_of(frame) -> int:
    return (frame.f_lineno or 0) if frame is not None and frame.f_code.co_filename == USER_FILE else 0


def _unwrap(value):
    """An async generator's yielded value arrives wrapped (async_generator_wrapped_value); the
    wrapper's only reference is the value itself."""
    if type(value).__name__ == "async_generator_wrapped_value":
        import gc

        inner = gc.get_referents(value)
        if len(inner) == 1:
            return inner[0]
    return value


def _all_codes(code):
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _all_codes(const)


def _plain_yield_offsets(code) -> frozenset:
    """Offsets of YIELD_VALUEs that are a `yield` (not the SEND loop of `yield from` / `await`)."""
    offsets, prev = set(), None
    for ins in dis.get_instructions(code):
        if ins.opname == "YIELD_VALUE" and (prev is None or prev.opname != "SEND"):
            offsets.add(ins.offset)
        prev = ins
    return frozenset(offsets)


class _Lane:
    __slots__ = ("id", "ref", "pending_in", "async_gen", "__weakref__")

    def __init__(self, lane_id: int, gen, async_gen: bool, on_collected) -> None:
        self.id = lane_id
        self.ref = weakref.ref(gen, on_collected)  # forgets the generator's id once it is collected
        self.pending_in = None
        self.async_gen = async_gen


class _Tracer:
    """The monitoring callbacks of one run."""

    def __init__(self, session, code) -> None:
        self.session = session
        self.gen_codes: dict = {}  # generator code -> offsets of plain yields
        self.driver_codes: list = []
        for c in _all_codes(code):
            if c.co_flags & _GEN_FLAGS and c.co_name != "<genexpr>":
                self.gen_codes[c] = _plain_yield_offsets(c)
            if _DRIVER_NAMES.intersection(c.co_names):
                self.driver_codes.append(c)
        self.lanes: dict[int, _Lane] = {}  # id(generator) -> lane
        self.count = 0
        self.rows = 0
        self.pending: dict[int, str] = {}  # id(generator) -> what the driver is about to pass in
        self.arg_cache: dict = {}
        # The lane that yielded last: the inner generator when an outer one's `yield from` yields next.
        self.last_yielded = None
        # Generator lanes whose frames are running now, innermost last; the main program's lane (0 = none yet).
        self.running: list = []
        self.main_lane = 0
        self.on = False

    # -- switching -------------------------------------------------------------------------------

    def start(self) -> None:
        if not self.gen_codes:
            return
        m = sys.monitoring
        if m.get_tool(TOOL) is not None:
            m.free_tool_id(TOOL)
        m.use_tool_id(TOOL, "taskline-generators")
        m.register_callback(TOOL, _E.PY_START, self.py_start)
        m.register_callback(TOOL, _E.PY_RESUME, self.py_resume)
        m.register_callback(TOOL, _E.PY_YIELD, self.py_yield)
        m.register_callback(TOOL, _E.PY_RETURN, self.py_return)
        m.register_callback(TOOL, _E.PY_THROW, self.py_throw)
        m.register_callback(TOOL, _E.PY_UNWIND, self.py_unwind)
        m.register_callback(TOOL, _E.CALL, self.call)
        for c in self.gen_codes:
            m.set_local_events(TOOL, c, _LOCAL_GEN_EVENTS)
        for c in self.driver_codes:
            m.set_local_events(TOOL, c, m.get_local_events(TOOL, c) | _E.CALL)
        m.set_events(TOOL, _GLOBAL_EVENTS)
        self.on = True

    def stop(self) -> None:
        if not self.on:
            return
        self.on = False
        if self.main_lane:
            rec = self.session.rec
            rec.row(Row.FINISH, self.main_lane, Outcome.DONE, rec.detail({"k": "end", "result": "None"}), CLOCK.now())
        m = sys.monitoring
        m.set_events(TOOL, 0)
        for c in list(self.gen_codes) + self.driver_codes:
            m.set_local_events(TOOL, c, 0)
        for event in (_E.PY_START, _E.PY_RESUME, _E.PY_YIELD, _E.PY_RETURN, _E.PY_THROW, _E.PY_UNWIND, _E.CALL):
            m.register_callback(TOOL, event, None)
        m.free_tool_id(TOOL)

    def _budget(self, rows: int) -> bool:
        self.rows += rows
        if self.rows <= MAX_ROWS:
            return True
        self.stop()
        self.session.note("generator-lanes-off", f"Taskline stopped drawing generators after {MAX_ROWS:,} generator events; the program runs on.")
        return False

    # -- rows ------------------------------------------------------------------------------------

    def _handoff(self, lane: int, direction: int, text: str, t: float) -> None:
        rec = self.session.rec
        rec.row(Row.HANDOFF, lane, rec.detail({"k": "text", "text": text}), direction, t)

    def _lane_of(self, frame):
        gen = frame.f_generator
        return None if gen is None else self.lanes.get(id(gen))

    # -- callbacks -------------------------------------------------------------------------------

    def py_start(self, code, offset):
        t0 = REAL_PERF_COUNTER()
        try:
            frame = sys._getframe(1)
            gen = frame.f_generator
            driver = frame.f_back
            if gen is None or driver is None or driver.f_code.co_filename != USER_FILE:
                return None  # started by library code (contextmanager, ...): not the user's hand-off
            if self.count >= MAX_LANES or not self._budget(3):
                return None
            self.count += 1
            session = self.session
            rec = session.rec
            lane_id = next(session._ids)  # lane ids are shared by tasks, threads and generators
            async_gen = bool(code.co_flags & _ASYNC_GEN_FLAG)
            key = id(gen)
            lane = _Lane(lane_id, gen, async_gen, lambda _ref, forget=self._forget, key=key: forget(key, lane_id))
            self.lanes[key] = lane
            kind = "AsyncGenerator" if async_gen else "Generator"
            now = CLOCK.now()
            detail = {"k": "lane", "lane": "generator", "name": f"{kind}-{self.count} ({code.co_qualname})",
                      "coro": code.co_qualname, "line": driver.f_lineno or 0}
            rec.row(Row.CREATED, lane_id, rec.detail(detail), abs(session.current), now)
            self._handoff(lane_id, HANDOFF_IN, self.pending.pop(key, None) or ("anext()" if async_gen else "next()"), now)
            self._entered(lane, driver.f_lineno or 0, now)
            rec.row(Row.RUN, lane_id, 0, 0, now)
        except Exception:
            self.stop()
        finally:
            CLOCK.exclude(REAL_PERF_COUNTER() - t0)  # Taskline's bookkeeping is not the program's time
        return None

    def _entered(self, lane, driver_line: int, now: float) -> None:
        """A generator frame starts running. Driven from the main program (outside any task), the
        main program gets a lane too, waiting on the generator, so the hand-over is drawn both ways."""
        if not self.running and self.session.current == 0:
            rec = self.session.rec
            if self.main_lane == 0:
                self.main_lane = next(self.session._ids)
                detail = {"k": "lane", "lane": "generator", "name": "main program", "coro": MAIN_CORO, "line": 0}
                rec.row(Row.CREATED, self.main_lane, rec.detail(detail), 0, now)
            rec.row(Row.SUSPEND, self.main_lane, Wait.TASK | (lane.id << WAIT_TARGET_SHIFT), driver_line, now)
        self.running.append(lane)

    def _left(self, lane, now: float) -> None:
        """A generator frame gave control back (yield, return, exception)."""
        if self.running and self.running[-1] is lane:
            self.running.pop()
        elif lane in self.running:
            self.running.remove(lane)
        if not self.running and self.main_lane and self.session.current == 0:
            self.session.rec.row(Row.RUN, self.main_lane, 0, 0, now)

    def _ended(self, frame, lane) -> None:
        self.lanes.pop(id(frame.f_generator), None)
        if self.last_yielded is not None and self.last_yielded[0] is lane:
            self.last_yielded = None

    def _forget(self, key, lane_id) -> None:
        lane = self.lanes.get(key)
        if lane is not None and lane.id == lane_id:
            self.lanes.pop(key, None)
        self.pending.pop(key, None)

    def py_resume(self, code, offset):
        t0 = REAL_PERF_COUNTER()
        try:
            frame = sys._getframe(1)
            lane = self._lane_of(frame)
            if lane is None or not self._budget(2):
                return None
            now = CLOCK.now()
            gen = frame.f_generator
            text = self.pending.pop(id(gen), None)
            inner = getattr(gen, "gi_yieldfrom", None)
            if text is not None and inner is not None and id(inner) in self.lanes:
                self.pending[id(inner)] = text  # `yield from` passes what was sent on to the inner generator
            if text is not None or not lane.async_gen:
                self._handoff(lane.id, HANDOFF_IN, text or "next()", now)
            self._entered(lane, _line_of(frame.f_back), now)
            self.session.rec.row(Row.RUN, lane.id, 0, 0, now)
        except Exception:
            self.stop()
        finally:
            CLOCK.exclude(REAL_PERF_COUNTER() - t0)  # Taskline's bookkeeping is not the program's time
        return None

    def py_yield(self, code, offset, value):
        t0 = REAL_PERF_COUNTER()
        try:
            frame = sys._getframe(1)
            lane = self._lane_of(frame)
            if lane is None or not self._budget(2):
                return None
            now = CLOCK.now()
            line = frame.f_lineno or 0
            rec = self.session.rec
            last, self.last_yielded = self.last_yielded, (lane, frame.f_back)
            # The lane that yielded just before, if this frame was the one driving it (`yield from`).
            inner = last[0] if last is not None and last[1] is frame else None
            if offset in self.gen_codes.get(code, ()):
                if lane.async_gen:
                    value = _unwrap(value)
                self._handoff(lane.id, HANDOFF_OUT, f"yielded {_short(value)}", now)
                rec.row(Row.SUSPEND, lane.id, Wait.YIELD, line, now)
            elif lane.async_gen:
                rec.row(Row.SUSPEND, lane.id, Wait.UNKNOWN, line, now)  # an await inside the async generator
            elif inner is not None and inner is not lane:
                # `yield from`: the inner generator yielded just now and the value passes through.
                rec.row(Row.SUSPEND, lane.id, Wait.TASK | (inner.id << WAIT_TARGET_SHIFT), line, now)
            else:
                self._handoff(lane.id, HANDOFF_OUT, f"yielded {_short(value)} (yield from)", now)
                rec.row(Row.SUSPEND, lane.id, Wait.YIELD, line, now)
            self._left(lane, now)
        except Exception:
            self.stop()
        finally:
            CLOCK.exclude(REAL_PERF_COUNTER() - t0)  # Taskline's bookkeeping is not the program's time
        return None

    def py_return(self, code, offset, value):
        t0 = REAL_PERF_COUNTER()
        try:
            frame = sys._getframe(1)
            lane = self._lane_of(frame)
            if lane is None or not self._budget(2):
                return None
            now = CLOCK.now()
            rec = self.session.rec
            if lane.async_gen:
                self._handoff(lane.id, HANDOFF_OUT, "finished (StopAsyncIteration)", now)
            else:
                self._handoff(lane.id, HANDOFF_OUT, f"returned {_short(value)} (StopIteration)", now)
            rec.row(Row.FINISH, lane.id, Outcome.DONE, rec.detail({"k": "end", "result": _short(value)}), now)
            self._ended(frame, lane)
            self._left(lane, now)
        except Exception:
            self.stop()
        finally:
            CLOCK.exclude(REAL_PERF_COUNTER() - t0)  # Taskline's bookkeeping is not the program's time
        return None

    def py_throw(self, code, offset, exc):
        if code not in self.gen_codes:
            return None
        t0 = REAL_PERF_COUNTER()
        try:
            frame = sys._getframe(1)
            lane = self._lane_of(frame)
            if lane is None or not self._budget(2):
                return None
            now = CLOCK.now()
            self.pending.pop(id(frame.f_generator), None)
            text = "close() → GeneratorExit" if isinstance(exc, GeneratorExit) else f"throw({_short(exc)})"
            self._handoff(lane.id, HANDOFF_IN, text, now)
            self._entered(lane, _line_of(frame.f_back), now)
            self.session.rec.row(Row.RUN, lane.id, 0, 0, now)
        except Exception:
            self.stop()
        finally:
            CLOCK.exclude(REAL_PERF_COUNTER() - t0)  # Taskline's bookkeeping is not the program's time
        return None

    def py_unwind(self, code, offset, exc):
        if code not in self.gen_codes:
            return None
        t0 = REAL_PERF_COUNTER()
        try:
            frame = sys._getframe(1)
            lane = self._lane_of(frame)
            if lane is None or not self._budget(2):
                return None
            now = CLOCK.now()
            rec = self.session.rec
            if isinstance(exc, GeneratorExit):
                # close() (or the garbage collector) ending a generator is its normal end, not a
                # cancelled task: drawn done, with "closed" as what it gave back.
                outcome, detail = Outcome.DONE, {"k": "end", "result": "closed"}
                self._handoff(lane.id, HANDOFF_OUT, "closed", now)
            else:
                outcome, detail = Outcome.FAILED, {"k": "end", "excType": type(exc).__name__, "excMessage": str(exc)}
                self._handoff(lane.id, HANDOFF_OUT, f"raised {type(exc).__name__}: {_short(str(exc))[1:-1]}", now)
            rec.row(Row.FINISH, lane.id, outcome, rec.detail(detail), now)
            self._ended(frame, lane)
            self._left(lane, now)
        except Exception:
            self.stop()
        finally:
            CLOCK.exclude(REAL_PERF_COUNTER() - t0)  # Taskline's bookkeeping is not the program's time
        return None

    def call(self, code, offset, callable_, arg0):
        t0 = REAL_PERF_COUNTER()
        try:
            if callable_ is next or callable_ is anext:
                if id(arg0) in self.lanes or isinstance(arg0, (types.GeneratorType, types.AsyncGeneratorType)):
                    self.pending[id(arg0)] = "next()" if callable_ is next else "anext()"
                return None
            if callable_ is _GEN_SEND or callable_ is _AGEN_ASEND:  # gen.send(x): arg0 is gen, x is read from the source
                name = "send" if callable_ is _GEN_SEND else "asend"
                self.pending[id(arg0)] = f"{name}({self._argument(code, offset, sys._getframe(1))})"
                return None
            owner = getattr(callable_, "__self__", None)
            if isinstance(owner, (types.GeneratorType, types.AsyncGeneratorType)) and getattr(callable_, "__name__", "") in ("send", "asend"):
                self.pending[id(owner)] = f"{callable_.__name__}({_short(arg0)})"
                return None
            return _DISABLE  # this call site calls something else
        except Exception:
            return None
        finally:
            CLOCK.exclude(REAL_PERF_COUNTER() - t0)

    def _argument(self, code, offset, frame) -> str:
        """The first argument of the call at `offset`, from its source: a value when it is a literal or a name."""
        key = (code, offset)
        node = self.arg_cache.get(key)
        if node is None:
            node = self.arg_cache[key] = _call_argument(code, offset)
        if isinstance(node, ast.Constant):
            return _short(node.value)
        if isinstance(node, ast.Name):
            for scope in (frame.f_locals, frame.f_globals):
                if node.id in scope:
                    return _short(scope[node.id])
            return node.id
        if isinstance(node, ast.AST):
            return ast.unparse(node)
        return "…"


def _call_argument(code, offset):
    """The AST of the first argument of the call instruction at `offset`, or False."""
    try:
        import linecache

        positions = list(code.co_positions())[offset // 2]
        lineno, end_lineno, col, end_col = positions
        lines = linecache.getlines(USER_FILE)
        if not lineno or lineno != end_lineno or col is None or end_col is None:
            return False
        text = lines[lineno - 1].encode("utf-8")[col:end_col].decode("utf-8")
        call = ast.parse(text.strip(), mode="eval").body
        if isinstance(call, ast.Call) and call.args:
            return call.args[0]
        if isinstance(call, ast.Call):
            return ast.Constant(None)
    except Exception:
        pass
    return False


_tracer: _Tracer | None = None


def watch(session, code) -> None:
    """Draws the generators of the program compiled as `code` during this run."""
    global _tracer
    unwatch()
    if session is None:
        return
    started = REAL_PERF_COUNTER()
    try:
        _tracer = _Tracer(session, code)
        _tracer.start()
    except Exception:
        _tracer = None
    finally:
        CLOCK.exclude(REAL_PERF_COUNTER() - started)  # reading the program's code is not its time


def unwatch() -> None:
    global _tracer
    if _tracer is not None:
        try:
            _tracer.stop()
        finally:
            _tracer = None
