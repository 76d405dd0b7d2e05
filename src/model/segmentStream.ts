/**
 * One lane's closed segments as a compact byte stream (issue #8: the trace held in the page stays
 * within 16 bytes per step). A segment is one record of typically 2–3 bytes:
 *
 *   header   bits 0–2 state code (7 = an end fix, below), bits 3–4 how the start time is coded
 *            (0 same as the previous record's, 1 / 2 plus / minus an integer number of nanoseconds,
 *            3 a full f64), bit 5 the step delta is negative, bit 6 wait kind, target and line
 *            follow, bit 7 the step delta is +1 (and the varint is left out)
 *   varint   |start step − previous record's start step|
 *   time     nothing, a varint of nanoseconds, or 8 bytes of f64
 *   attrs    three varints (wait kind + 1, zigzag(target) + 1, zigzag(line) + 1; 0 = undefined),
 *            only when they differ from the last waiting/blocked record's (or for other states,
 *            from none)
 *
 * A nanosecond delta is used only when adding it back gives exactly the same double; otherwise
 * the time is written in full, so decoding is exact. A segment's end is the next segment's start;
 * when it is not (time going back on a lane), an end-fix record carrying the end precedes the next
 * record. Every {@link BLOCK} records a checkpoint (start time f64, start step u32, byte offset
 * u32: 16 bytes, kept at the back of the same buffer, growing down) lets a reader start there, so
 * a lane is binary-searched by step or time and decoded a block at a time. One typed array per
 * lane: a lane's fixed cost is small next to its segments.
 * Pure: no DOM, no store; ./traceStore.ts owns one stream per lane.
 */
import type { WaitKind } from "../protocol/trace";
import { taskId, virtualTime, type Segment, type SegmentState } from "./types";

/** Records per checkpoint. */
export const BLOCK = 32;

export const STATE_CODES: readonly SegmentState[] = ["ready", "running", "waiting", "blocked", "done", "failed", "cancelled"];
const CODE_OF: Readonly<Record<SegmentState, number>> = { ready: 0, running: 1, waiting: 2, blocked: 3, done: 4, failed: 5, cancelled: 6 };
export const stateCode = (state: SegmentState): number => CODE_OF[state];
const END_FIX = 7;
const WAITING = 2;
const BLOCKED = 3;

const TIME_SAME = 0;
const TIME_PLUS = 1;
const TIME_MINUS = 2;
const TIME_F64 = 3;
const STEP_NEGATIVE = 1 << 5;
const HAS_ATTRS = 1 << 6;
const STEP_PLUS_ONE = 1 << 7;
/** Bytes of one checkpoint. */
const MARK_BYTES = 16;

/** Attribute values of a record as numbers: -1 = undefined. The context "none yet" is -2. */
const NONE = -1;
const UNSET = -2;

/** Heap bytes of a typed array object and its ArrayBuffer, beyond the bytes themselves (V8, estimated). */
export const TYPED_ARRAY_OVERHEAD = 128;
const STREAM_OBJECT_BYTES = 72;

const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);
/** A record is built here, then copied in at its exact size. */
const scratch = new Uint8Array(64);
let sp = 0;

const zigzag = (n: number): number => (n >= 0 ? 2 * n : -2 * n - 1);
const unzigzag = (z: number): number => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);
const hasAttrs = (code: number): boolean => code === WAITING || code === BLOCKED;

export class SegmentStream {
  /** Records from the front, checkpoints from the back (checkpoint k ends at `length - 16k`). */
  private bytes = new Uint8Array(64);
  private used = 0;
  private records = 0;
  private markCount = 0;
  private prevStart = 0;
  private prevStep = 0;
  private ctxWait = UNSET;
  private ctxTarget = UNSET;
  private ctxLine = UNSET;
  private lastEndT = 0;
  private lastEndStep = 0;

  /** Number of segments. */
  get count(): number {
    return this.records;
  }

  /** Bytes of the encoded records. */
  get length(): number {
    return this.used;
  }

  /** The last segment's start (time, step); 0 when empty. */
  get lastStart(): number {
    return this.prevStart;
  }

  get lastStartStep(): number {
    return this.prevStep;
  }

  /** The last segment's end (time, step). */
  get lastEnd(): number {
    return this.lastEndT;
  }

  get lastEndStepOf(): number {
    return this.lastEndStep;
  }

  /** Heap bytes held: the buffer at its capacity plus the objects. */
  byteSize(): number {
    return this.bytes.byteLength + TYPED_ARRAY_OVERHEAD + STREAM_OBJECT_BYTES;
  }

  /** Drops spare capacity (for a lane that will get no more segments). */
  trim(): void {
    this.resize(this.used + MARK_BYTES * this.markCount);
  }

  /** Appends a segment. `waitKind`, `target`, `line`: -1 = undefined. */
  push(state: number, start: number, startStep: number, end: number, endStep: number, waitKind: number, target: number, line: number): void {
    if (this.records > 0 && (this.lastEndT !== start || this.lastEndStep !== startStep)) {
      // Not contiguous with the previous segment: say where that one ended.
      sp = 0;
      this.writeHead(END_FIX, this.lastEndT, this.lastEndStep, false);
      this.commit();
    }
    const at = this.records % BLOCK === 0;
    if (at) {
      this.reserve(MARK_BYTES);
      this.markCount++;
      writeMark(this.bytes, this.markCount - 1, start, startStep, this.used);
      this.ctxWait = UNSET;
      this.ctxTarget = UNSET;
      this.ctxLine = UNSET;
    }
    const withCtx = hasAttrs(state);
    const ew = withCtx ? this.ctxWait : NONE;
    const et = withCtx ? this.ctxTarget : NONE;
    const el = withCtx ? this.ctxLine : NONE;
    const attrs = waitKind !== ew || target !== et || line !== el;
    sp = 0;
    this.writeHead(state, start, startStep, attrs);
    if (attrs) {
      this.writeVarint(waitKind + 1);
      this.writeVarint(target === NONE ? 0 : zigzag(target) + 1);
      this.writeVarint(line === NONE ? 0 : zigzag(line) + 1);
    }
    this.commit();
    if (withCtx) {
      this.ctxWait = waitKind;
      this.ctxTarget = target;
      this.ctxLine = line;
    }
    this.prevStart = start;
    this.prevStep = startStep;
    this.lastEndT = end;
    this.lastEndStep = endStep;
    this.records++;
  }

  /** Index of the last segment whose start (time or step) is ≤ p, or -1. Segments are assumed sorted. */
  indexAt(p: number, axis: "time" | "steps", reader: SegmentReader = new SegmentReader()): number {
    const block = this.blockAt(p, axis === "time" ? 1 : 0);
    if (block < 0) return -1;
    reader.seek(this, block);
    let found = -1;
    while (reader.next()) {
      if ((axis === "time" ? reader.start : reader.startStep) > p) break;
      found = reader.index;
    }
    return found;
  }

  /** Last checkpoint whose value (0 step, 1 time) is ≤ p, or -1. */
  private blockAt(p: number, field: 0 | 1): number {
    let lo = 0;
    let hi = this.markCount - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (markField(this.bytes, mid, field) <= p) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** Every segment, decoded (new objects). */
  decode(from = 0): Segment[] {
    const out: Segment[] = [];
    const r = new SegmentReader();
    r.seek(this, Math.floor(from / BLOCK));
    while (r.next()) if (r.index >= from) out.push(r.segment());
    return out;
  }

  /** Segment `i`, decoded, or undefined. */
  at(i: number, reader: SegmentReader = new SegmentReader()): Segment | undefined {
    if (i < 0 || i >= this.records) return undefined;
    reader.seek(this, Math.floor(i / BLOCK));
    while (reader.next()) if (reader.index === i) return reader.segment();
    return undefined;
  }

  /** @internal for SegmentReader */
  raw(): { readonly bytes: Uint8Array; readonly used: number; readonly markCount: number } {
    return { bytes: this.bytes, used: this.used, markCount: this.markCount };
  }

  /** Copies the record built in `scratch` to the end of the records. */
  private commit(): void {
    this.reserve(sp);
    const bytes = this.bytes;
    let at = this.used;
    for (let i = 0; i < sp; i++) bytes[at++] = scratch[i]!;
    this.used = at;
  }

  /** Writes a record's header, step and time into `scratch`. */
  private writeHead(code: number, start: number, step: number, attrs: boolean): void {
    const stepDelta = step - this.prevStep;
    let mode = TIME_F64;
    let nanos = 0;
    if (start === this.prevStart) {
      mode = TIME_SAME;
    } else {
      const d = Math.round((start - this.prevStart) * 1e9);
      if (Number.isSafeInteger(d) && this.prevStart + d / 1e9 === start) {
        mode = d > 0 ? TIME_PLUS : TIME_MINUS;
        nanos = Math.abs(d);
      }
    }
    const negative = stepDelta < 0;
    const plusOne = stepDelta === 1;
    scratch[sp++] = code | (mode << 3) | (negative ? STEP_NEGATIVE : 0) | (attrs ? HAS_ATTRS : 0) | (plusOne ? STEP_PLUS_ONE : 0);
    if (!plusOne) this.writeVarint(Math.abs(stepDelta));
    if (mode === TIME_PLUS || mode === TIME_MINUS) {
      this.writeVarint(nanos);
    } else if (mode === TIME_F64) {
      f64[0] = start;
      scratch.set(f64Bytes, sp);
      sp += 8;
    }
  }

  private writeVarint(n: number): void {
    let v = n;
    while (v >= 128) {
      scratch[sp++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    scratch[sp++] = v;
  }

  /** Room for `extra` more bytes between the records and the checkpoints; grows by half (spare capacity counts against the budget; a finished lane is trimmed). */
  private reserve(extra: number): void {
    const need = this.used + MARK_BYTES * this.markCount + extra;
    if (need <= this.bytes.length) return;
    let size = this.bytes.length;
    while (size < need) size = Math.ceil(size * 1.5);
    this.resize(size);
  }

  private resize(size: number): void {
    if (size === this.bytes.length) return;
    const marks = MARK_BYTES * this.markCount;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.used));
    next.set(this.bytes.subarray(this.bytes.length - marks), size - marks);
    this.bytes = next;
  }
}

/** Writes checkpoint k (from the back of `bytes`): start time, start step, byte offset. */
function writeMark(bytes: Uint8Array, k: number, start: number, step: number, offset: number): void {
  const at = bytes.length - MARK_BYTES * (k + 1);
  f64[0] = start;
  bytes.set(f64Bytes, at);
  writeU32(bytes, at + 8, step);
  writeU32(bytes, at + 12, offset);
}

/** Field of checkpoint k: 0 start step, 1 start time, 2 byte offset. */
function markField(bytes: Uint8Array, k: number, field: 0 | 1 | 2): number {
  const at = bytes.length - MARK_BYTES * (k + 1);
  if (field === 1) {
    for (let i = 0; i < 8; i++) f64Bytes[i] = bytes[at + i]!;
    return f64[0]!;
  }
  return readU32(bytes, at + (field === 0 ? 8 : 12));
}

function writeU32(bytes: Uint8Array, at: number, n: number): void {
  bytes[at] = n & 255;
  bytes[at + 1] = (n >>> 8) & 255;
  bytes[at + 2] = (n >>> 16) & 255;
  bytes[at + 3] = (n >>> 24) & 255;
}

function readU32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

/** A segment object from numbers (attributes -1 = left out). */
export function segmentOf(code: number, start: number, end: number, startStep: number, endStep: number, waitKind: number, target: number, line: number): Segment {
  const s: { -readonly [K in keyof Segment]: Segment[K] } = { state: STATE_CODES[code]!, start: virtualTime(start), end: virtualTime(end), startStep, endStep };
  if (waitKind !== NONE) s.waitKind = waitKind as WaitKind;
  if (target !== NONE) s.target = taskId(target);
  if (line !== NONE) s.line = line;
  return s;
}

/**
 * Walks a stream's segments in order without allocating per segment: after `seek`, each `next()`
 * fills the public fields with the next segment (attributes -1 = undefined). One reader can be
 * reused across lanes.
 */
export class SegmentReader {
  index = -1;
  state = 0;
  start = 0;
  startStep = 0;
  end = 0;
  endStep = 0;
  waitKind = NONE;
  target = NONE;
  line = NONE;

  private stream: SegmentStream | undefined;
  private bytes: Uint8Array = new Uint8Array(0);
  private used = 0;
  private pos = 0;
  private baseStart = 0;
  private baseStep = 0;
  private ctxWait = UNSET;
  private ctxTarget = UNSET;
  private ctxLine = UNSET;
  /** Look-ahead record. */
  private has = false;
  private laCode = 0;
  private laStart = 0;
  private laStep = 0;
  private laWait = NONE;
  private laTarget = NONE;
  private laLine = NONE;

  /** Positions the reader before the first segment of checkpoint block `block`. */
  seek(stream: SegmentStream, block: number): void {
    const raw = stream.raw();
    this.stream = stream;
    this.bytes = raw.bytes;
    this.used = raw.used;
    this.has = false;
    this.index = -1;
    this.ctxWait = UNSET;
    this.ctxTarget = UNSET;
    this.ctxLine = UNSET;
    if (block < 0 || block >= raw.markCount) {
      this.pos = this.used;
      return;
    }
    this.index = block * BLOCK - 1;
    this.pos = markField(raw.bytes, block, 2);
    this.readRecord();
    // The checkpoint's own values replace the delta-decoded ones (the base before it is unknown).
    this.laStep = markField(raw.bytes, block, 0);
    this.laStart = markField(raw.bytes, block, 1);
    this.baseStart = this.laStart;
    this.baseStep = this.laStep;
  }

  /** Moves to the next segment; false at the end of the stream. */
  next(): boolean {
    if (!this.has) return false;
    this.index++;
    this.state = this.laCode;
    this.start = this.laStart;
    this.startStep = this.laStep;
    this.waitKind = this.laWait;
    this.target = this.laTarget;
    this.line = this.laLine;
    this.has = false;
    if (this.pos < this.used) {
      this.readRecord();
      if (this.laCode === END_FIX) {
        this.end = this.laStart;
        this.endStep = this.laStep;
        this.has = false;
        if (this.pos < this.used) this.readRecord();
        return true;
      }
    }
    if (this.has) {
      this.end = this.laStart;
      this.endStep = this.laStep;
    } else {
      this.end = this.stream!.lastEnd;
      this.endStep = this.stream!.lastEndStepOf;
    }
    return true;
  }

  /** The current segment as an object. */
  segment(): Segment {
    return segmentOf(this.state, this.start, this.end, this.startStep, this.endStep, this.waitKind, this.target, this.line);
  }

  private readVarint(): number {
    let result = 0;
    let mul = 1;
    let b: number;
    do {
      b = this.bytes[this.pos++]!;
      result += (b & 127) * mul;
      mul *= 128;
    } while (b & 128);
    return result;
  }

  /** Reads one record into the look-ahead; an end fix does not move the base. */
  private readRecord(): void {
    const head = this.bytes[this.pos++]!;
    const code = head & 7;
    const mode = (head >> 3) & 3;
    const delta = (head & STEP_PLUS_ONE) !== 0 ? 1 : this.readVarint();
    const step = this.baseStep + ((head & STEP_NEGATIVE) !== 0 ? -delta : delta);
    let start = this.baseStart;
    if (mode === TIME_PLUS || mode === TIME_MINUS) {
      const n = this.readVarint();
      start = this.baseStart + (mode === TIME_MINUS ? -n : n) / 1e9;
    } else if (mode === TIME_F64) {
      for (let i = 0; i < 8; i++) f64Bytes[i] = this.bytes[this.pos++]!;
      start = f64[0]!;
    }
    this.has = true;
    this.laCode = code;
    this.laStart = start;
    this.laStep = step;
    if (code === END_FIX) return;
    const withCtx = hasAttrs(code);
    if ((head & HAS_ATTRS) !== 0) {
      this.laWait = this.readVarint() - 1;
      const t = this.readVarint();
      this.laTarget = t === 0 ? NONE : unzigzag(t - 1);
      const l = this.readVarint();
      this.laLine = l === 0 ? NONE : unzigzag(l - 1);
    } else if (withCtx) {
      this.laWait = this.ctxWait;
      this.laTarget = this.ctxTarget;
      this.laLine = this.ctxLine;
    } else {
      this.laWait = NONE;
      this.laTarget = NONE;
      this.laLine = NONE;
    }
    if (withCtx) {
      this.ctxWait = this.laWait;
      this.ctxTarget = this.laTarget;
      this.ctxLine = this.laLine;
    }
    this.baseStart = start;
    this.baseStep = step;
  }
}
