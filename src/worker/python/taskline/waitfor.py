"""Who waits for whom: the wait-for chains of a stuck program and await cycles between tasks.

When a run ends in deadlock (nothing ready, no timer), the message follows each chain a person
would follow by hand: "Task-2 waits for the Lock held by Task-3, which waits for an Event nobody
sets." A chain that comes back to a task already in it is an await cycle, reported as its own
problem; a cycle of tasks awaiting each other is also caught the moment it closes, even when other
tasks keep the loop busy (see `await_cycle`).

What a task waits on is read from its await chain (the innermost asyncio frame: `Lock.acquire`,
`Event.wait`, ...) and its `_fut_waiter` (an awaited task, a gather). A Lock does not remember who
holds it, so `install_lock_owners` makes every `asyncio.Lock` record the task that set `_locked`.
"""

import asyncio

from .frames import USER_FILE, await_frames

__all__ = ["await_cycle", "cycle_text", "deadlock_report", "install_lock_owners", "user_line"]

# The most chains a deadlock message spells out; the rest are counted.
MAX_CHAINS = 3


class _LockOwner:
    """asyncio.Lock._locked as a data descriptor: setting it to True records the current task."""

    def __get__(self, obj, cls=None):
        if obj is None:
            return False
        return obj.__dict__.get("_tl_locked", False)

    def __set__(self, obj, value) -> None:
        d = obj.__dict__
        d["_tl_locked"] = value
        if value:
            try:
                d["_tl_owner"] = asyncio.current_task()
            except RuntimeError:  # no running loop
                d["_tl_owner"] = None
        else:
            d["_tl_owner"] = None


def install_lock_owners() -> None:
    """Lets a deadlock report say which task holds a Lock. Idempotent."""
    if not isinstance(asyncio.locks.Lock.__dict__.get("_locked"), _LockOwner):
        asyncio.locks.Lock._locked = _LockOwner()


def _name(task) -> str:
    return task.get_name() if hasattr(task, "get_name") else "a task"


def user_line(task) -> int:
    """The line where a task's innermost user frame is paused (0 if none)."""
    line = 0
    coro = task.get_coro() if hasattr(task, "get_coro") else None
    for frame in await_frames(coro):
        if frame.f_code.co_filename == USER_FILE:
            line = frame.f_lineno or 0
    return line


def _primitive(task):
    """(qualname, self) of the innermost asyncio synchronisation frame the task is paused in."""
    found = (None, None)
    coro = task.get_coro() if hasattr(task, "get_coro") else None
    for frame in await_frames(coro):
        name = frame.f_code.co_qualname
        if "asyncio" in frame.f_code.co_filename and "." in name:
            owner = frame.f_locals.get("self")
            if owner is not None:
                found = (name, owner)
    return found


def _tasks_of(fut) -> list:
    children = getattr(fut, "_children", None) or ()
    return [c for c in children if getattr(c, "_tl_id", 0) and not c.done()]


def waits_on(task) -> tuple[str, object]:
    """(what the task waits for, in words; the task it depends on next, or None)."""
    waiter = getattr(task, "_fut_waiter", None)
    if waiter is not None and getattr(waiter, "_tl_id", 0):
        return _name(waiter), waiter
    qualname, prim = _primitive(task)
    kind = qualname.split(".", 1)[0] if qualname else ""
    if kind == "Lock":
        owner = prim.__dict__.get("_tl_owner")
        if owner is None:
            return "a Lock nobody releases", None
        if owner is task:
            return "a Lock it already holds itself (asyncio.Lock is not reentrant)", None
        if owner.done():
            return f"the Lock held by {_name(owner)}, which ended without releasing it", None
        return f"the Lock held by {_name(owner)}", owner
    if kind == "Event":
        return "an Event nobody sets", None
    if kind == "Condition":
        return "a Condition nobody notifies", None
    if kind in ("Semaphore", "BoundedSemaphore"):
        return "a Semaphore nobody releases", None
    if kind in ("Queue", "PriorityQueue", "LifoQueue"):
        if qualname.endswith(".put"):
            return "room in a full Queue nobody takes from", None
        if qualname.endswith(".join"):
            return "a Queue whose items are never all marked done", None
        return "an item from a Queue nobody puts into", None
    if kind == "Barrier":
        return "a Barrier that too few tasks reach", None
    if kind == "TaskGroup":
        pending = [t for t in getattr(prim, "_tasks", ()) if getattr(t, "_tl_id", 0) and not t.done()]
        if pending:
            return f"its TaskGroup ({', '.join(_name(t) for t in pending[:4])})", pending[0]
    members = _tasks_of(waiter) if waiter is not None else []
    if members:
        return f"gather({', '.join(_name(t) for t in members[:4])}{', …' if len(members) > 4 else ''})", members[0]
    if waiter is not None:
        return "a Future nobody sets a result on", None
    return "something that never happens", None


def chain(task) -> tuple[str, list, list]:
    """(the chain in words, the tasks it passes through, the tasks of its cycle or [])."""
    seen = [task]
    what, nxt = waits_on(task)
    text = f"{_name(task)} waits for {what}"
    while nxt is not None:
        one_of_several = what.startswith(("gather(", "its TaskGroup"))
        if nxt in seen:
            cycle = seen[seen.index(nxt):]
            return text + f" — an await cycle: {cycle_text(cycle)}", seen, cycle
        seen.append(nxt)
        what, nxt_next = waits_on(nxt)
        # "which" would be ambiguous after a list of tasks: name the one the chain follows.
        text += f"; {_name(nxt)} waits for {what}" if one_of_several else f", which waits for {what}"
        nxt = nxt_next
    return text, seen, []


def cycle_text(cycle: list) -> str:
    names = [_name(t) for t in cycle]
    return " → ".join(names + names[:1]) + ", so none of them can ever finish"


def deadlock_report(loop, warn, cycles_warned: set) -> str:
    """The deadlock message; calls warn(code, task, text, line, cycle_ids) for each stuck task and for each
    await cycle not in `cycles_warned` (frozensets of task ids, updated)."""
    tasks = [t for t in asyncio.all_tasks(loop) if getattr(t, "_tl_id", 0)]
    tasks.sort(key=lambda t: t._tl_id)
    waited_on = set()
    for t in tasks:
        _, nxt = waits_on(t)
        if nxt is not None:
            waited_on.add(nxt)
    # Start from tasks nobody waits for (the heads of chains), then whatever is left (cycles).
    order = [t for t in tasks if t not in waited_on] + [t for t in tasks if t in waited_on]
    covered, chains, cycles, warned = set(), [], [], set()
    for t in order:
        if t in covered:
            continue
        text, through, cycle = chain(t)
        covered.update(through)
        chains.append(text)
        for member in through:
            if member in warned:
                continue
            warned.add(member)
            text, _, its_cycle = chain(member)
            warn("deadlock", member._tl_id, "Deadlock: " + text + ".", user_line(member), [c._tl_id for c in its_cycle])
        key = frozenset(t._tl_id for t in cycle)
        if cycle and key not in cycles_warned:
            cycles_warned.add(key)
            cycles.append(cycle)
    for cycle in cycles:
        for member in cycle:
            warn("await-cycle", member._tl_id, "Await cycle: " + cycle_text(cycle) + ".", user_line(member), [c._tl_id for c in cycle])
    head = "Deadlock: nothing is ready to run and no timer is pending, so nothing can ever wake "
    if not tasks:
        return head + "the program. Plain Python would hang here forever."
    shown = "; ".join(chains[:MAX_CHAINS]) + (f"; and {len(chains) - MAX_CHAINS} more" if len(chains) > MAX_CHAINS else "")
    return (head + f"the {len(tasks)} waiting task{'s' if len(tasks) != 1 else ''}. {shown}. "
            "Plain Python would hang here forever.")


def await_cycle(task) -> list:
    """The tasks of an await cycle that `task` just closed by suspending (task awaits ... awaits task), or []."""
    seen = [task]
    current = task
    while True:
        waiter = getattr(current, "_fut_waiter", None)
        if waiter is None:
            return []
        if getattr(waiter, "_tl_id", 0):
            nxt = waiter
        else:
            members = _tasks_of(waiter)
            if len(members) != 1:
                nxt = next((m for m in members if m is task), None)
                if nxt is None:
                    return []
            else:
                nxt = members[0]
        if nxt is task:
            return seen
        if nxt in seen or len(seen) > 1000:
            return []
        seen.append(nxt)
        current = nxt
