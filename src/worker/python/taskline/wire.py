"""The trace wire format's numbers, mirrored from src/protocol/trace.ts.

The recorder writes rows of (kind, task, x, y, t) into columns; the page decodes them with the
TypeScript twin of this module. A unit test compares the two files, so they cannot drift.
"""

__all__ = ["Row", "Wait", "Waker", "Outcome", "Handoff", "WAIT_TARGET_SHIFT"]


class Row:
    """Row kinds (trace.ts RowKind)."""

    CREATED = 1
    READY = 2
    RUN = 3
    SUSPEND = 4
    FINISH = 5
    CANCEL = 6
    OUTPUT = 7
    BLOCK_START = 8
    BLOCK_END = 9
    WARNING = 10
    CALLBACK = 11
    LOOP_END = 12
    HANDOFF = 13


class Wait:
    """What a suspended task waits on (trace.ts WaitKind)."""

    UNKNOWN = 0
    SLEEP = 1
    TASK = 2
    GATHER = 3
    LOCK = 4
    SEMAPHORE = 5
    EVENT = 6
    CONDITION = 7
    QUEUE = 8
    BARRIER = 9
    FUTURE = 10
    THREAD = 11
    TASK_GROUP = 12
    WAIT = 13
    TIMEOUT = 14
    YIELD = 15


class Waker:
    """Who made a task ready (trace.ts WakerKind)."""

    START = 0
    TIMER = 1
    DONE = 2
    PRIMITIVE = 3
    CANCEL = 4
    THREAD = 5
    OTHER = 6


class Outcome:
    """How a lane ended (trace.ts Outcome)."""

    DONE = 0
    FAILED = 1
    CANCELLED = 2


class Handoff:
    """Which way a handoff row's value went (trace.ts HandoffDirection)."""

    IN = 1
    OUT = 2


# A suspend row's x packs the wait kind in the low bits and the target lane id above them.
WAIT_TARGET_SHIFT = 5
