"""Runs a program through Taskline and gives tests its end, rows and printed output."""

import textwrap
from dataclasses import dataclass, field

from taskline import install, run_program
from taskline.recorder import rows_of
from taskline.wire import Row

# Bound at import: the flush below runs mid-program, and a program may replace builtins.len.
_len = len

install()


@dataclass
class Run:
    end: dict
    rows: list = field(default_factory=list)  # (kind, task, x, y, t)
    details: list = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.end["status"]

    @property
    def virtual_time(self) -> float:
        return self.end["totals"]["virtualTimeS"]

    def stdout(self, stream: int = 1) -> str:
        return "".join(self.details[y]["text"] for k, _, x, y, _ in self.rows if k == Row.OUTPUT and x == stream)

    def lanes(self) -> dict:
        """name -> task id."""
        return {self.details[x]["name"]: task for k, task, x, _, _ in self.rows if k == Row.CREATED}

    def of(self, kind: int, task: int | None = None) -> list:
        return [r for r in self.rows if r[0] == kind and (task is None or r[1] == task)]


def run(source: str, *, clock: str = "ideal", requests: list | None = None, **budget) -> Run:
    result = Run(end={})

    def flush(rows, details):
        result.rows.extend(rows_of(rows))
        result.details.extend(details)

    options = {"clock": clock, "budget": budget, "requests": requests or []}
    result.end = run_program(textwrap.dedent(source), options, flush)
    return result
