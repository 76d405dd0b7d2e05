"""Trace buffers: the cheapest way to write millions of scheduling facts from Python.

Each fact is one row (kind, task, x, y, t). Rows are appended, five numbers at a time, to one
interleaved list — a single C call per row that stores five references and converts nothing,
which matters at a million steps (`array('d').extend` parses every number on its own and costs
about three times as much). A drain packs the list into one `array('d')` with a single
`struct.pack_into`; the worker splits it into the five wire columns in JavaScript. Text lives in a list of small dicts
("details") that rows point at by run-wide index. The owner drains the buffers in batches, which
hands them over and starts new ones, so memory stays bounded by one batch however long the run.
"""

import struct
from array import array

from .wire import Row

__all__ = ["Recorder", "ROW_WIDTH", "FLUSH_ROWS"]

# The builtin, bound here: a program may replace builtins.len (e2e/hostile.spec.ts does), and the
# trace must still reach the page; since a young run hands rows over mid-program, that matters.
_len = len
# Numbers per row in the interleaved buffer: kind, task, x, y, t.
ROW_WIDTH = 5
# Rows per batch before the loop asks for a flush; about 1 MB once split into columns.
FLUSH_ROWS = 32_768


class Recorder:
    """Append-only rows and details of one run."""

    __slots__ = ("rows", "extend", "details", "detail_base", "_out_len", "_out_key", "_out_detail")

    def __init__(self) -> None:
        self.detail_base = 0
        # One list for the whole run (a drain empties it in place), so rows.extend stays valid:
        # hot paths bind it once (rec.extend((kind, task, x, y, t))), even across a drain in a step.
        self.rows: list = []
        self.extend = self.rows.extend
        self._reset_buffers()

    def _reset_buffers(self) -> None:
        self.details: list[dict] = []
        # The last output row of this batch, so consecutive chunks of one print join into one row.
        self._out_len = -1
        self._out_key = None
        self._out_detail = None

    def row(self, kind: int, task: int, x: int, y: int, t: float) -> None:
        self.extend((kind, task, x, y, t))

    def detail(self, value: dict) -> int:
        """Stores a detail and returns its run-wide index."""
        self.details.append(value)
        return self.detail_base + _len(self.details) - 1

    def output(self, task: int, stream: int, text: str, t: float) -> None:
        key = (task, stream, t)
        if self._out_key == key and self._out_len == _len(self.rows):
            self._out_detail["text"] += text
            return
        detail = {"k": "text", "text": text}
        self._out_detail = detail
        self._out_key = key
        self.extend((Row.OUTPUT, task, stream, self.detail(detail), t))
        self._out_len = _len(self.rows)

    def pending_rows(self) -> int:
        return _len(self.rows) // ROW_WIDTH

    def drain(self):
        """Returns (rows, details) of everything since the last drain; rows an interleaved array('d')."""
        rows = self.rows
        packed = array("d", bytes(8 * _len(rows)))
        struct.pack_into(f"{_len(rows)}d", packed, 0, *rows)
        batch = (packed, self.details)
        self.detail_base += _len(self.details)
        rows.clear()
        self._reset_buffers()
        return batch
