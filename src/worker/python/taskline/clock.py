"""The program's clock: virtual seconds that jump over idle waits.

A Taskline run never waits in real time. The loop jumps this clock to the next timer, and
`time.sleep(x)` moves it by `x` at once. Every clock the program can read (`time`, `datetime`,
`loop.time()`) is derived from it, so printed times agree with the swimlane.

In *realistic* mode the clock also advances with the real time Python spends computing, so a
CPU-heavy step visibly delays everyone; in *ideal* mode computation costs nothing and runs are
exactly repeatable.
"""

import datetime as _datetime
import time as _time

__all__ = ["VirtualClock", "install_clock_patches", "REAL_PERF_COUNTER"]

# The real clock, captured before anything is patched; only the clock itself may read it.
REAL_PERF_COUNTER = _time.perf_counter
_REAL_TIME = _time.time
_REAL_LOCALTIME = _time.localtime
_REAL_GMTIME = _time.gmtime
_REAL_STRFTIME = _time.strftime
_REAL_CTIME = _time.ctime
_REAL_ASCTIME = _time.asctime


class VirtualClock:
    """Seconds since the program started, on the program's own clock.

    The time is `source() - base`: `source` is the real clock in realistic mode and `float` (a
    constant 0.0) in ideal mode, so reading the time is one C call and one subtraction, with no
    branch; every move of the clock is a change of `base`. Hot paths read `source() - base`
    directly; everything else calls now().
    """

    __slots__ = ("realistic", "epoch", "source", "base", "on_sleep")

    def __init__(self) -> None:
        self.reset(realistic=False)
        # Called as on_sleep(seconds) by the patched time.sleep; the session draws it as blocking.
        self.on_sleep = None

    def reset(self, *, realistic: bool) -> None:
        self.realistic = realistic
        # Wall-clock time at program start, so time.time() and strftime show today's date.
        self.epoch = _REAL_TIME()
        self.source = REAL_PERF_COUNTER if realistic else float
        self.base = self.source()

    def now(self) -> float:
        return self.source() - self.base

    def jump_to(self, when: float) -> None:
        """Moves the clock forward to `when` exactly (never backwards)."""
        real = self.source()
        if when > real - self.base:
            self.base = real - when

    def advance(self, seconds: float) -> None:
        self.base -= seconds

    def exclude(self, real_seconds: float) -> None:
        """Takes real time that was not the program's (Taskline's own work) off a realistic clock."""
        if self.realistic:
            self.base += real_seconds

    def enter_lane(self) -> float:
        """Starts a side clock (a thread lane) at the current time; returns that time."""
        return self.now()

    def leave_lane(self, started_at: float) -> float:
        """Ends a side clock: returns its end time and puts the main clock back to `started_at`."""
        ended_at = self.now()
        self.base += ended_at - started_at
        return ended_at


CLOCK = VirtualClock()


def _validated_sleep_length(secs: object) -> float:
    if not isinstance(secs, (int, float)) or isinstance(secs, bool):
        raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer or float")
    value = float(secs)
    if value != value:
        raise ValueError("Invalid value NaN (not a number)")
    if value < 0:
        raise ValueError("sleep length must be non-negative")
    if value == float("inf"):
        raise OverflowError("timestamp too large to convert to C PyTime_t")
    return value


def _sleep(secs: float) -> None:
    seconds = _validated_sleep_length(secs)
    hook = CLOCK.on_sleep
    if hook is None:
        CLOCK.advance(seconds)
    else:
        hook(seconds)


def _wall() -> float:
    return CLOCK.epoch + CLOCK.now()


class _VirtualDatetime(_datetime.datetime):
    """datetime.datetime whose now/today/utcnow read the program's clock."""

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_wall(), tz)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_wall())

    def __repr__(self):
        return "datetime." + super().__repr__()

    @classmethod
    def utcnow(cls):
        return cls.fromtimestamp(_wall(), _datetime.timezone.utc).replace(tzinfo=None)


class _VirtualDate(_datetime.date):
    """datetime.date whose today() reads the program's clock."""

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_wall())

    def __repr__(self):
        return "datetime." + super().__repr__()


# Programs print these types' reprs ("datetime.datetime(2026, ...)"): keep datetime's own names.
for _cls, _name in ((_VirtualDatetime, "datetime"), (_VirtualDate, "date")):
    _cls.__name__ = _cls.__qualname__ = _name
    _cls.__module__ = "datetime"


_IMPORT_DEPTH = [0]


def _import_off_the_clock(original):
    """Wraps __import__ so loading a module is not charged to the program's realistic clock.

    In the browser, a first import unzips and compiles the module (often 100+ ms, where native
    Python takes a few); that is Taskline's loading cost, not the program's computation.
    """

    def timed_import(name, globals=None, locals=None, fromlist=(), level=0):
        if not CLOCK.realistic or _IMPORT_DEPTH[0]:
            return original(name, globals, locals, fromlist, level)
        _IMPORT_DEPTH[0] += 1
        started = REAL_PERF_COUNTER()
        try:
            return original(name, globals, locals, fromlist, level)
        finally:
            _IMPORT_DEPTH[0] -= 1
            CLOCK.exclude(REAL_PERF_COUNTER() - started)

    return timed_import


def install_clock_patches() -> None:
    """Points every clock the program can read at CLOCK. Idempotent."""
    t = _time
    t.time = _wall
    t.time_ns = lambda: int(_wall() * 1e9)
    t.monotonic = CLOCK.now
    t.monotonic_ns = lambda: int(CLOCK.now() * 1e9)
    t.perf_counter = CLOCK.now
    t.perf_counter_ns = lambda: int(CLOCK.now() * 1e9)
    t.sleep = _sleep
    t.localtime = lambda secs=None: _REAL_LOCALTIME(_wall() if secs is None else secs)
    t.gmtime = lambda secs=None: _REAL_GMTIME(_wall() if secs is None else secs)
    t.strftime = lambda fmt, tt=None: _REAL_STRFTIME(fmt, _REAL_LOCALTIME(_wall()) if tt is None else tt)
    t.ctime = lambda secs=None: _REAL_CTIME(_wall() if secs is None else secs)
    t.asctime = lambda tt=None: _REAL_ASCTIME(_REAL_LOCALTIME(_wall()) if tt is None else tt)
    _datetime.datetime = _VirtualDatetime
    _datetime.date = _VirtualDate
    import builtins

    if not getattr(builtins.__import__, "_taskline", False):
        builtins.__import__ = _import_off_the_clock(builtins.__import__)
        builtins.__import__._taskline = True
