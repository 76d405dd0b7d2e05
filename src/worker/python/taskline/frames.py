"""Where the user's program is: lines in its frames, what a paused coroutine waits on, and
tracebacks that show only the user's own frames.

The program is compiled as USER_FILE; every line number the page shows comes from a frame of that
file, so the editor and the trace agree.
"""

import linecache
import sys
import traceback
from types import CoroutineType, GeneratorType

from .wire import Wait

__all__ = ["USER_FILE", "await_frames", "classify_code", "register_source", "suspension_point", "user_line_of_caller", "user_traceback"]

# The file name the user's program is compiled under; tracebacks and line lookups key on it.
USER_FILE = "main.py"

# What an asyncio frame in a task's await chain means, by the frame's qualified name prefix.
_WAIT_BY_QUALNAME = (
    ("Lock.", Wait.LOCK),
    ("BoundedSemaphore.", Wait.SEMAPHORE),
    ("Semaphore.", Wait.SEMAPHORE),
    ("Event.", Wait.EVENT),
    ("Condition.", Wait.CONDITION),
    ("Barrier.", Wait.BARRIER),
    ("Queue.", Wait.QUEUE),
    ("PriorityQueue.", Wait.QUEUE),
    ("LifoQueue.", Wait.QUEUE),
    ("TaskGroup.", Wait.TASK_GROUP),
    ("sleep", Wait.SLEEP),
    ("gather", Wait.GATHER),
    ("wait_for", Wait.TIMEOUT),
    ("wait", Wait.WAIT),
    ("_wait", Wait.WAIT),
    ("as_completed", Wait.WAIT),
    ("_AsCompletedIterator.", Wait.WAIT),
)


def classify_code(code) -> int:
    name = code.co_qualname
    for prefix, kind in _WAIT_BY_QUALNAME:
        if name.startswith(prefix):
            return kind
    return Wait.UNKNOWN


def await_frames(coro):
    """Frames of a coroutine's await chain, outermost first."""
    while coro is not None:
        frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None) or getattr(coro, "ag_frame", None)
        if frame is None:
            return
        yield frame
        coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None) or getattr(coro, "ag_await", None)


# What a code object in an await chain is, by id(code) -> (code, meaning): _USER_CODE for the user's
# program, otherwise the Wait kind its asyncio frame stands for (Wait.UNKNOWN for any other file).
# The code object is held so its id cannot be reused. Filled once per code object; a step only
# pays a dict lookup per frame of its chain instead of string tests on file and qualified names.
_USER_CODE = -1
_CODE_MEANING: dict[int, tuple[object, int]] = {}


def _code_meaning(code) -> int:
    if code.co_filename == USER_FILE:
        meaning = _USER_CODE
    elif "asyncio" in code.co_filename:
        meaning = classify_code(code)
    else:
        meaning = Wait.UNKNOWN
    if len(_CODE_MEANING) > 100_000:  # programs that compile code in a loop
        _CODE_MEANING.clear()
    _CODE_MEANING[id(code)] = (code, meaning)
    return meaning


def suspension_point(coro) -> tuple[int, int]:
    """(line, wait kind) of a suspended coroutine: the line of the innermost frame of the user's
    program in its await chain (0 if none) and what the outermost asyncio frame that means a wait
    stands for (Wait.UNKNOWN if none). The same walk as await_frames, without its generator."""
    line = 0
    chain_kind = Wait.UNKNOWN
    meanings = _CODE_MEANING
    while coro is not None:
        kind = type(coro)
        if kind is CoroutineType:
            frame = coro.cr_frame
            following = coro.cr_await
        elif kind is GeneratorType:
            frame = coro.gi_frame
            following = coro.gi_yieldfrom
        else:
            frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None) or getattr(coro, "ag_frame", None)
            following = None
            if frame is not None:
                following = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None) or getattr(coro, "ag_await", None)
        if frame is None:
            break
        code = frame.f_code
        known = meanings.get(id(code))
        meaning = known[1] if known is not None else _code_meaning(code)
        if meaning == _USER_CODE:
            line = frame.f_lineno or 0
        elif meaning and not chain_kind:
            chain_kind = meaning
        coro = following
    return line, chain_kind


def user_line_of_caller() -> int:
    """Line of the innermost frame of the user's program on the current stack (0 if none)."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename == USER_FILE:
            return frame.f_lineno or 0
        frame = frame.f_back
    return 0


def _filter_user_frames(te: traceback.TracebackException) -> None:
    seen = set()
    while te is not None and id(te) not in seen:
        seen.add(id(te))
        te.stack = traceback.StackSummary.from_list([f for f in te.stack if f.filename == USER_FILE])
        for group_member in getattr(te, "exceptions", None) or ():
            _filter_user_frames(group_member)
        te = te.__cause__ or te.__context__


def user_traceback(exc: BaseException) -> str:
    """The traceback of `exc` with only the user's frames, as Python would print it."""
    te = traceback.TracebackException.from_exception(exc)
    _filter_user_frames(te)
    return "".join(te.format())


def register_source(source: str) -> None:
    """Lets tracebacks show the user's source lines."""
    linecache.cache[USER_FILE] = (len(source), None, source.splitlines(True), USER_FILE)
