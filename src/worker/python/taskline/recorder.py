"""Trace buffers: the cheapest way to write millions of scheduling facts from Python.

Each fact is one row (kind, task, x, y, t). Rows are appended, five numbers at a time, to one
interleaved list — a single C call per row that stores five references and converts nothing,
which matters at a million steps (`array('d').extend` parses every number on its own and costs
about three times as much). A drain packs the list with `struct` into one `array('d')` of
ROW_BYTES per row: kind, task, x and y as little-endian int32, then t as a float64 (8-aligned, so
the worker reads the ints through an Int32Array and t through the Float64Array, and splits them
into the five wire columns). Packing ints as int32 converts nothing; packing them as doubles, as
before, made a float object of every int (most of a drain's cost, ~0.3 µs a step). Text lives in a list of small dicts
("details") that rows point at by run-wide index. The owner drains the buffers in batches, which
hands them over and starts new ones, so memory stays bounded by one batch however long the run.
"""

import struct
from array import array

from .wire import Row

__all__ = ["Recorder", "ROW_WIDTH", "ROW_DOUBLES", "FLUSH_ROWS", "rows_of"]

# The builtins, bound here: a program may replace builtins.len (e2e/hostile.spec.ts does), and the
# trace must still reach the page; since a young run hands rows over mid-program, that matters.
_len = len
_range = range
_bytes = bytes
# Numbers per row in the interleaved buffer: kind, task, x, y, t.
ROW_WIDTH = 5
# A drained row: four int32 and a float64 (src/worker/rowBuffer.ts splitRows reads it).
ROW_FORMAT = "<iiiid"
ROW_BYTES = struct.calcsize(ROW_FORMAT)
# Doubles per drained row in the array('d') handed over.
ROW_DOUBLES = ROW_BYTES // 8
# Rows packed per struct call; the format of a whole batch would be parsed anew for every size.
_BLOCK_ROWS = 1024
_BLOCK = struct.Struct("<" + ROW_FORMAT[1:] * _BLOCK_ROWS)
_INT32 = 2 ** 32
_pack_rows_into = struct.pack_into
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
        """Returns (rows, details) of everything since the last drain: rows an array('d') of
        ROW_DOUBLES per row, packed as ROW_FORMAT (rows_of reads it back)."""
        rows = self.rows
        try:
            packed = _pack(rows)
        except struct.error:  # a value that is no int32: as the page's Int32Array would store it
            packed = _pack(_as_int32(rows))
        batch = (packed, self.details)
        self.detail_base += _len(self.details)
        rows.clear()
        self._reset_buffers()
        return batch


def _pack(rows: list) -> array:
    n = _len(rows) // ROW_WIDTH
    packed = array("d", _bytes(ROW_BYTES * n))
    whole = n - n % _BLOCK_ROWS
    step = _BLOCK_ROWS * ROW_WIDTH
    pack_into = _BLOCK.pack_into
    for i in _range(0, whole * ROW_WIDTH, step):
        pack_into(packed, i // ROW_WIDTH * ROW_BYTES, *rows[i:i + step])
    if whole < n:
        _pack_rows_into("<" + ROW_FORMAT[1:] * (n - whole), packed, whole * ROW_BYTES, *rows[whole * ROW_WIDTH:])
    return packed


def _int32(value) -> int:
    """ECMAScript's ToInt32: what storing the number in an Int32Array gives."""
    try:
        number = int(value)
    except (ValueError, OverflowError):  # NaN, infinities
        return 0
    return (number + 2 ** 31) % _INT32 - 2 ** 31


def _as_int32(rows: list) -> list:
    return [v if i % ROW_WIDTH == ROW_WIDTH - 1 else _int32(v) for i, v in enumerate(rows)]


def rows_of(packed) -> list:
    """The (kind, task, x, y, t) tuples of a drained batch."""
    return list(struct.iter_unpack(ROW_FORMAT, packed))
