"""Columnar trace buffers: the cheapest way to write millions of scheduling facts from Python.

Each fact is one row (kind, task, x, y, t) appended to five `array.array` columns; text lives in
a list of small dicts ("details") that rows point at by index. The owner drains the buffers in
batches (`drain`), which hands the columns over and starts new ones, so memory stays bounded by
one batch no matter how long the run is.
"""

from array import array

from .wire import Row

__all__ = ["Recorder"]

# Rows per batch before the loop asks for a flush; about 1 MB of columns.
FLUSH_ROWS = 32_768


class Recorder:
    """Append-only rows and details of one run."""

    __slots__ = (
        "kind", "task", "x", "y", "t", "details", "detail_base",
        "_out_row", "_out_key", "_out_detail",
    )

    def __init__(self) -> None:
        self.detail_base = 0
        self._reset_buffers()

    def _reset_buffers(self) -> None:
        self.kind = array("B")
        self.task = array("i")
        self.x = array("i")
        self.y = array("i")
        self.t = array("d")
        self.details: list[dict] = []
        # The last output row of this batch, so consecutive chunks of one print join into one row.
        self._out_row = -1
        self._out_key = None
        self._out_detail = None

    def row(self, kind: int, task: int, x: int, y: int, t: float) -> None:
        self.kind.append(kind)
        self.task.append(task)
        self.x.append(x)
        self.y.append(y)
        self.t.append(t)

    def detail(self, value: dict) -> int:
        """Stores a detail and returns its run-wide index."""
        self.details.append(value)
        return self.detail_base + len(self.details) - 1

    def output(self, task: int, stream: int, text: str, t: float) -> None:
        key = (task, stream, t)
        if self._out_key == key and self._out_row == len(self.kind) - 1:
            self._out_detail["text"] += text
            return
        detail = {"k": "text", "text": text}
        self._out_detail = detail
        self._out_key = key
        self.row(Row.OUTPUT, task, stream, self.detail(detail), t)
        self._out_row = len(self.kind) - 1

    def pending_rows(self) -> int:
        return len(self.kind)

    def drain(self):
        """Returns (kind, task, x, y, t, details) of everything since the last drain."""
        batch = (self.kind, self.task, self.x, self.y, self.t, self.details)
        self.detail_base += len(self.details)
        self._reset_buffers()
        return batch
