/**
 * One lane's closed segments as a compact byte stream (issue #8: the trace held in the page stays
 * within 16 bytes per step). A segment is one record of typically 1–3 bytes:
 *
 *   header   bits 0–2 state code (7 = an end fix, below), bits 3–4 how the start time is coded
 *            (0 the previous record's plus the predicted time delta, below, which is 0 unless a
 *            prediction is set, 1 plus an integer number of nanoseconds, 2 plus an integer number
 *            of grid steps or of ulps of the previous time, 3 a full f64), bits 5 and 7 how the
 *            step delta is coded (bit 7 alone +1, bit 5 alone negative, both the predicted delta,
 *            neither positive; the varint is left out for +1 and the predicted delta), bit 6 wait
 *            kind, target and line follow
 *   varint   |start step − previous record's start step|
 *   time     nothing, a varint of nanoseconds, of grid steps (odd) or ulps (even), or 8 bytes of f64
 *   attrs    three varints ((wait kind + 1) × 2 + d, then the target: d = 0 zigzag(target) + 1,
 *            0 = undefined; d = 1 zigzag(target − the context's target), for a target near the
 *            last one, such as a sleep's length measured anew each time; then zigzag(line) + 1),
 *            only when they differ from the last waiting/blocked record's in the chunk (or, for
 *            other states, from none)
 *
 * Predictions: a lane repeats itself (a task in a round-robin runs every N steps, its steps take
 * about as long each time, it sleeps as long each time), so within a chunk each of the states
 * ready, running, waiting and blocked remembers its last record's step delta and its last time
 * delta in nanoseconds or grid steps (a delta from the previous record's start to its own). A
 * step delta or time delta equal to the remembered one costs nothing; a grid-step delta is coded
 * as its difference to the remembered grid delta (zigzag). Both start over (no step prediction,
 * time prediction 0) in every chunk.
 *
 * A delta is used only when adding it back gives exactly the same double, so decoding is exact:
 * nanoseconds fit the ideal clock (times that are sums of round numbers); a realistic clock's
 * times are measured, and the store snaps them to {@link TIME_GRID_S} so their differences are whole
 * grid steps (1–3 bytes); any other time takes its difference to the previous time counted in units
 * in the last place of that time (a power of two, so the sum is exact; 4–7 bytes) instead of 8. Otherwise (time going back, a first time) the f64 is written in full. A segment's end is the next segment's start;
 * when it is not (time going back on a lane), an end-fix record carrying the end precedes the next
 * record.
 *
 * Records live in fixed {@link CHUNK}-byte chunks taken from a {@link ByteArena} that all lanes of
 * a trace share (16 KiB pages): no typed array per lane, nothing copied as a lane grows, at most
 * one part-filled chunk per lane. Each chunk starts with a header (first record's start time f64,
 * start step u32, record index u32) that is also the delta base and a fresh attribute context, so
 * a reader can start at any chunk: a lane is binary-searched by step, time or index over its
 * chunks, then scanned within one. A record never straddles chunks; 0xFF ends a chunk early.
 * Pure: no DOM, no store; ./traceStore.ts owns the arena and one stream per lane.
 */
import { decodeSleepSeconds, WaitKind } from "../protocol/trace";
import { taskId, virtualTime, type Segment, type SegmentState } from "./types";

/** Bytes of one chunk, header included. */
export const CHUNK = 128;
const HEADER = 16;
const PAGE = 1 << 14;

export const STATE_CODES: readonly SegmentState[] = ["ready", "running", "waiting", "blocked", "done", "failed", "cancelled"];
const CODE_OF: Readonly<Record<SegmentState, number>> = { ready: 0, running: 1, waiting: 2, blocked: 3, done: 4, failed: 5, cancelled: 6 };
export const stateCode = (state: SegmentState): number => CODE_OF[state];
const END_FIX = 7;
const WAITING = 2;
const BLOCKED = 3;
/** Never a record header (an end fix has no attributes): the rest of the chunk is unused. */
const END_OF_CHUNK = 0xff;

/** The previous time plus the state's predicted time delta: the same time when there is no prediction (0). */
const TIME_SAME = 0;
const TIME_NANOS = 1;
/** A varint v: odd, (v − 1) / 2 grid steps of {@link TIME_GRID_S}; even, v / 2 ulps of the previous time. */
const TIME_UNITS = 2;
const TIME_F64 = 3;

/**
 * Times that are whole multiples of this (2⁻²⁰ s ≈ 0.95 µs) store their deltas in grid steps: the
 * trace store snaps a realistic-clock run's measured times to it (./traceStore.ts), which turns a
 * 4–8-byte ulp delta into 1–3 bytes.
 */
export const TIME_GRID_S = 2 ** -20;
const GRID_PER_S = 2 ** 20;
const STEP_NEGATIVE = 1 << 5;
const HAS_ATTRS = 1 << 6;
const STEP_PLUS_ONE = 1 << 7;
/** Both step bits: the step delta is the state's predicted one. */
const STEP_PREDICTED = STEP_NEGATIVE | STEP_PLUS_ONE;
/** States with predictions (ready, running, waiting, blocked); the rest occur once or rarely. */
const PREDICTED_STATES = 4;
/** "No step prediction": +1, which has its own cheaper bit, so it is never used as a prediction. */
const NO_STEP_PREDICTION = 1;

/** Attribute values of a record as numbers: -1 = undefined. The context "none yet" is -2. */
const NONE = -1;
const UNSET = -2;

/** Heap bytes of a typed array object and its ArrayBuffer, beyond the bytes themselves (V8, estimated). */
export const TYPED_ARRAY_OVERHEAD = 128;
/** A stream object (fields inline, its eight prediction fields and the last segment's four attributes as small integers) plus its chunk list (a small array of offsets). */
const STREAM_OBJECT_BYTES = 120;
const CHUNK_LIST_BYTES = 16;

const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);
/** A record is built here, then copied in at its exact size. */
const scratch = new Uint8Array(96);
let sp = 0;
/** What the last `writeHead` coded: the step delta, and whether its time delta is the state's new time prediction, and which. */
let headStep = 0;
let headLearn = false;
let headTime = 0;

/** The spacing of doubles at x (its unit in the last place), for a normal positive x; 0 otherwise. */
export function ulpOf(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 0;
  f64[0] = x;
  const exponent = ((f64Bytes[7]! & 0x7f) << 4) | (f64Bytes[6]! >> 4);
  return exponent === 0 ? 0 : 2 ** (exponent - 1075);
}

/** The time a prediction gives after `prev` (see `SegmentStream.timePrediction`); encoder and reader both use this. */
const predictedTime = (prev: number, prediction: number): number => (prediction > 0 ? prev + prediction / GRID_PER_S : prev + -prediction / 1e9);
const zigzag = (n: number): number => (n >= 0 ? 2 * n : -2 * n - 1);
/** Branch-free below 2³¹ (a residual's sign is a coin toss: a branch on it would be mispredicted half the time). */
const unzigzag = (z: number): number => (z < 0x80000000 ? (z >>> 1) ^ -(z & 1) : z % 2 === 0 ? z / 2 : -(z + 1) / 2);
const hasAttrs = (code: number): boolean => code === WAITING || code === BLOCKED;

/** Fixed-size chunks handed out from 16 KiB pages, never freed (a trace only grows). */
export class ByteArena {
  readonly pages: Uint8Array[] = [];
  private next = PAGE;

  /** A fresh chunk's global offset (page index × 16 KiB + offset in the page). */
  alloc(): number {
    if (this.next + CHUNK > PAGE) {
      this.pages.push(new Uint8Array(PAGE));
      this.next = 0;
    }
    const at = (this.pages.length - 1) * PAGE + this.next;
    this.next += CHUNK;
    return at;
  }

  /** Heap bytes held: every page. */
  byteSize(): number {
    return this.pages.length * (PAGE + TYPED_ARRAY_OVERHEAD);
  }
}

const pageOf = (arena: ByteArena, at: number): Uint8Array => arena.pages[Math.floor(at / PAGE)]!;
const offsetOf = (at: number): number => at % PAGE;

function readU32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

function writeU32(bytes: Uint8Array, at: number, n: number): void {
  bytes[at] = n & 255;
  bytes[at + 1] = (n >>> 8) & 255;
  bytes[at + 2] = (n >>> 16) & 255;
  bytes[at + 3] = (n >>> 24) & 255;
}

function readF64(bytes: Uint8Array, at: number): number {
  for (let i = 0; i < 8; i++) f64Bytes[i] = bytes[at + i]!;
  return f64[0]!;
}

/** Header field of a chunk: 0 start step, 1 start time, 2 record index. */
function headerField(arena: ByteArena, chunk: number, field: 0 | 1 | 2): number {
  const page = pageOf(arena, chunk);
  const at = offsetOf(chunk);
  if (field === 1) return readF64(page, at);
  return readU32(page, at + (field === 0 ? 8 : 12));
}

export class SegmentStream {
  /** Global offsets of this lane's chunks, in order. */
  private readonly chunks: number[] = [];
  /** Bytes used in the last chunk (header included). */
  private usedInLast = CHUNK;
  private bytesWritten = 0;
  private records = 0;
  private prevStart = 0;
  private prevStep = 0;
  private ctxWait = UNSET;
  private ctxTarget = UNSET;
  private ctxLine = UNSET;
  private lastEndT = 0;
  private lastEndStep = 0;
  // The last segment's state and attributes as pushed, so `last()` needs no decoding (small ints).
  private lastState = 0;
  private lastWait = NONE;
  private lastTarget = NONE;
  private lastLine = NONE;
  // Predictions for the last chunk, per state code 0–3 (fields, not an array: 4 bytes each).
  private step0 = NO_STEP_PREDICTION;
  private step1 = NO_STEP_PREDICTION;
  private step2 = NO_STEP_PREDICTION;
  private step3 = NO_STEP_PREDICTION;
  private time0 = 0;
  private time1 = 0;
  private time2 = 0;
  private time3 = 0;

  constructor(readonly arena: ByteArena = new ByteArena()) {}

  /** Number of segments. */
  get count(): number {
    return this.records;
  }

  /** Bytes of the encoded records (chunk headers included, unused chunk tails not). */
  get length(): number {
    return this.bytesWritten;
  }

  /** The first segment's start on the axis (its chunk's header), or undefined when empty. */
  firstStart(axis: "time" | "steps"): number | undefined {
    return this.records === 0 ? undefined : headerField(this.arena, this.chunks[0]!, axis === "time" ? 1 : 0);
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

  /** Heap bytes of this lane's own objects (its chunks are counted with the arena's pages). */
  byteSize(): number {
    return STREAM_OBJECT_BYTES + CHUNK_LIST_BYTES + 4 * this.chunks.length;
  }

  /** Bytes of arena this lane's chunks take. */
  get chunkBytes(): number {
    return CHUNK * this.chunks.length;
  }

  /** Appends a segment. `waitKind`, `target`, `line`: -1 = undefined. */
  push(state: number, start: number, startStep: number, end: number, endStep: number, waitKind: number, target: number, line: number): void {
    // Not contiguous with the previous segment: an end fix says where that one ended.
    const fix = this.records > 0 && (this.lastEndT !== start || this.lastEndStep !== startStep);
    this.encode(fix, state, start, startStep, waitKind, target, line);
    if (this.usedInLast + sp > CHUNK) {
      this.openChunk(start, startStep);
      this.encode(fix, state, start, startStep, waitKind, target, line);
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    const page = pageOf(this.arena, chunk);
    let at = offsetOf(chunk) + this.usedInLast;
    for (let i = 0; i < sp; i++) page[at++] = scratch[i]!;
    this.usedInLast += sp;
    this.bytesWritten += sp;
    if (hasAttrs(state)) {
      this.ctxWait = waitKind;
      this.ctxTarget = target;
      this.ctxLine = line;
    }
    this.learn(state, headStep, headLearn, headTime);
    this.prevStart = start;
    this.prevStep = startStep;
    this.lastEndT = end;
    this.lastEndStep = endStep;
    this.lastState = state;
    this.lastWait = waitKind;
    this.lastTarget = target;
    this.lastLine = line;
    this.records++;
  }

  /**
   * The last segment, from what was pushed (no decoding): what "a lane at its end" asks for, for
   * every lane, whenever the run ends or grows. Equal to `at(count - 1)`.
   */
  last(): Segment | undefined {
    if (this.records === 0) return undefined;
    return segmentOf(this.lastState, this.prevStart, this.lastEndT, this.prevStep, this.lastEndStep, this.lastWait, this.lastTarget, this.lastLine);
  }

  /**
   * Index of the last segment whose start (time or step) is ≤ p, or -1. Segments are assumed
   * sorted. The segment found is kept in the reader (`reader.found()`), so asking for it next costs
   * no second scan.
   */
  indexAt(p: number, axis: "time" | "steps", reader: SegmentReader = new SegmentReader()): number {
    const chunk = this.chunkWhere(axis === "time" ? 1 : 0, p);
    if (chunk < 0) return -1;
    reader.seekChunk(this, chunk);
    let found = -1;
    while (reader.next()) {
      if ((axis === "time" ? reader.start : reader.startStep) > p) break;
      found = reader.index;
      reader.keep();
    }
    return found;
  }

  /** Every segment from index `from` on, decoded (new objects). */
  decode(from = 0): Segment[] {
    const out: Segment[] = [];
    const r = new SegmentReader();
    r.seekRecord(this, from);
    while (r.next()) if (r.index >= from) out.push(r.segment());
    return out;
  }

  /** Segment `i`, decoded, or undefined. */
  at(i: number, reader: SegmentReader = new SegmentReader()): Segment | undefined {
    if (i < 0 || i >= this.records) return undefined;
    reader.seekRecord(this, i);
    while (reader.next()) if (reader.index === i) return reader.segment();
    return undefined;
  }

  /** Last chunk whose header value (0 step, 1 time, 2 record index) is ≤ p, or -1. */
  chunkWhere(field: 0 | 1 | 2, p: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (headerField(this.arena, this.chunks[mid]!, field) <= p) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** @internal for SegmentReader */
  chunkList(): readonly number[] {
    return this.chunks;
  }

  /** @internal for SegmentReader: bytes used in the last chunk. */
  get lastChunkUsed(): number {
    return this.usedInLast;
  }

  /** Ends the current chunk and starts one whose first record starts at (start, step). */
  private openChunk(start: number, step: number): void {
    const n = this.chunks.length;
    if (n > 0 && this.usedInLast < CHUNK) {
      const last = this.chunks[n - 1]!;
      pageOf(this.arena, last)[offsetOf(last) + this.usedInLast] = END_OF_CHUNK;
    }
    const chunk = this.arena.alloc();
    const page = pageOf(this.arena, chunk);
    const at = offsetOf(chunk);
    f64[0] = start;
    page.set(f64Bytes, at);
    writeU32(page, at + 8, step);
    writeU32(page, at + 12, this.records);
    this.chunks.push(chunk);
    this.usedInLast = HEADER;
    this.bytesWritten += HEADER;
    this.prevStart = start;
    this.prevStep = step;
    this.ctxWait = UNSET;
    this.ctxTarget = UNSET;
    this.ctxLine = UNSET;
    this.step0 = this.step1 = this.step2 = this.step3 = NO_STEP_PREDICTION;
    this.time0 = this.time1 = this.time2 = this.time3 = 0;
  }

  /** The predicted step delta of a record of state `code`. */
  private stepPrediction(code: number): number {
    switch (code) {
      case 0:
        return this.step0;
      case 1:
        return this.step1;
      case 2:
        return this.step2;
      case 3:
        return this.step3;
      default:
        return NO_STEP_PREDICTION;
    }
  }

  /** The predicted time delta of a record of state `code`: 0 none, > 0 grid steps, < 0 minus nanoseconds. */
  private timePrediction(code: number): number {
    switch (code) {
      case 0:
        return this.time0;
      case 1:
        return this.time1;
      case 2:
        return this.time2;
      case 3:
        return this.time3;
      default:
        return 0;
    }
  }

  /** Remembers a record's step delta, and its time delta when `learnTime` (see `timePrediction`). */
  private learn(code: number, step: number, learnTime: boolean, time: number): void {
    switch (code) {
      case 0:
        this.step0 = step;
        if (learnTime) this.time0 = time;
        return;
      case 1:
        this.step1 = step;
        if (learnTime) this.time1 = time;
        return;
      case 2:
        this.step2 = step;
        if (learnTime) this.time2 = time;
        return;
      case 3:
        this.step3 = step;
        if (learnTime) this.time3 = time;
        return;
      default:
        return;
    }
  }

  /** Builds the record (after an end fix, if `fix`) in `scratch`, against the current base and context. */
  private encode(fix: boolean, state: number, start: number, startStep: number, waitKind: number, target: number, line: number): void {
    sp = 0;
    if (fix) this.writeHead(END_FIX, this.lastEndT, this.lastEndStep, false, NO_STEP_PREDICTION, 0);
    const withCtx = hasAttrs(state);
    const ew = withCtx ? this.ctxWait : NONE;
    const et = withCtx ? this.ctxTarget : NONE;
    const el = withCtx ? this.ctxLine : NONE;
    const attrs = waitKind !== ew || target !== et || line !== el;
    this.writeHead(state, start, startStep, attrs, this.stepPrediction(state), this.timePrediction(state));
    if (attrs) {
      const relative = et !== NONE && et !== UNSET && target !== NONE && Math.abs(target - et) < Math.abs(target);
      writeVarint((waitKind + 1) * 2 + (relative ? 1 : 0));
      writeVarint(relative ? zigzag(target - et) : target === NONE ? 0 : zigzag(target) + 1);
      writeVarint(line === NONE ? 0 : zigzag(line) + 1);
    }
  }

  /**
   * Writes a record's header, step and time into `scratch` (against the state's predicted step
   * and time deltas), and what it coded into `headStep` / `headLearn` / `headTime`.
   */
  private writeHead(code: number, start: number, step: number, attrs: boolean, stepPrediction: number, timePrediction: number): void {
    const stepDelta = step - this.prevStep;
    let mode = TIME_F64;
    let value = 0;
    headLearn = false;
    const prev = this.prevStart;
    if (timePrediction === 0 ? start === prev : predictedTime(prev, timePrediction) === start) {
      mode = TIME_SAME;
    } else if (start >= prev) {
      const d = Math.round((start - prev) * 1e9);
      if (Number.isSafeInteger(d) && prev + d / 1e9 === start) {
        mode = TIME_NANOS;
        value = d;
        headLearn = true;
        headTime = d === 0 ? 0 : -d;
      } else {
        const g = (start - prev) * GRID_PER_S;
        const z = timePrediction > 0 ? zigzag(g - timePrediction) : g;
        if (Number.isSafeInteger(g) && Number.isSafeInteger(2 * z + 1) && g > 0 && prev + g / GRID_PER_S === start) {
          mode = TIME_UNITS;
          value = 2 * z + 1;
          headLearn = true;
          headTime = g;
        } else {
          const u = ulpOf(prev);
          const k = u > 0 ? (start - prev) / u : 0;
          if (Number.isSafeInteger(k) && Number.isSafeInteger(2 * k) && k > 0 && prev + k * u === start) {
            mode = TIME_UNITS;
            value = 2 * k;
          }
        }
      }
    }
    let stepBits = 0;
    if (stepDelta === 1) stepBits = STEP_PLUS_ONE;
    else if (stepDelta === stepPrediction) stepBits = STEP_PREDICTED;
    else if (stepDelta < 0) stepBits = STEP_NEGATIVE;
    scratch[sp++] = code | (mode << 3) | stepBits | (attrs ? HAS_ATTRS : 0);
    if (stepBits === 0 || stepBits === STEP_NEGATIVE) writeVarint(Math.abs(stepDelta));
    if (mode === TIME_NANOS || mode === TIME_UNITS) {
      writeVarint(value);
    } else if (mode === TIME_F64) {
      f64[0] = start;
      scratch.set(f64Bytes, sp);
      sp += 8;
    }
    headStep = stepDelta;
  }
}

function writeVarint(n: number): void {
  let v = n;
  while (v >= 128) {
    scratch[sp++] = (v % 128) | 128;
    v = Math.floor(v / 128);
  }
  scratch[sp++] = v;
}

/** A segment object from numbers (attributes -1 = left out). */
export function segmentOf(code: number, start: number, end: number, startStep: number, endStep: number, waitKind: number, target: number, line: number): Segment {
  const s: { -readonly [K in keyof Segment]: Segment[K] } = { state: STATE_CODES[code]!, start: virtualTime(start), end: virtualTime(end), startStep, endStep };
  if (waitKind !== NONE) s.waitKind = waitKind as WaitKind;
  if (target !== NONE) {
    if (waitKind === WaitKind.sleep) s.sleepFor = decodeSleepSeconds(target);
    else s.target = taskId(target);
  }
  if (line !== NONE) s.line = line;
  return s;
}

/**
 * Walks a stream's segments in order without allocating per segment: after a seek, each `next()`
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
  private chunks: readonly number[] = [];
  private chunk = 0;
  private page: Uint8Array = new Uint8Array(0);
  private pos = 0;
  private end_ = 0;
  private baseStart = 0;
  private baseStep = 0;
  private ctxWait = UNSET;
  private ctxTarget = UNSET;
  private ctxLine = UNSET;
  /** Per state code 0–3: the predicted step delta and time delta (see `SegmentStream.timePrediction`). */
  private readonly stepPredictions = new Float64Array(PREDICTED_STATES);
  private readonly timePredictions = new Float64Array(PREDICTED_STATES);
  /** The kept segment: state, start, end, start step, end step, wait kind, target, line. */
  private readonly kept = new Float64Array(8);
  /** Look-ahead record. */
  private has = false;
  private laCode = 0;
  private laStart = 0;
  private laStep = 0;
  private laWait = NONE;
  private laTarget = NONE;
  private laLine = NONE;
  /** Whether the fields above hold segment `index` (false after a seek, until `next`). */
  private current = false;

  /** Positions the reader before the first segment of the stream's chunk `c`. */
  seekChunk(stream: SegmentStream, c: number): void {
    this.stream = stream;
    this.chunks = stream.chunkList();
    this.has = false;
    this.current = false;
    this.index = -1;
    if (c < 0 || c >= this.chunks.length) return;
    this.openChunk(c);
    this.index = headerField(stream.arena, this.chunks[c]!, 2) - 1;
    if (this.more()) this.readRecord();
    // An end fix opening the chunk belongs to the previous chunk's last segment.
    if (this.has && this.laCode === END_FIX) {
      this.has = false;
      if (this.more()) this.readRecord();
    }
  }

  /** Positions the reader at or before segment `i` (at the start of its chunk). */
  seekRecord(stream: SegmentStream, i: number): void {
    this.seekChunk(stream, Math.max(0, stream.chunkWhere(2, i)));
  }

  /** Moves to the next segment; false at the end of the stream. */
  next(): boolean {
    if (!this.has) return false;
    this.current = true;
    this.index++;
    this.state = this.laCode;
    this.start = this.laStart;
    this.startStep = this.laStep;
    this.waitKind = this.laWait;
    this.target = this.laTarget;
    this.line = this.laLine;
    this.has = false;
    if (this.more()) {
      this.readRecord();
      if (this.laCode === END_FIX) {
        this.end = this.laStart;
        this.endStep = this.laStep;
        this.has = false;
        if (this.more()) this.readRecord();
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

  /**
   * Whether the current segment is segment `i` of `stream`, so `segment()` gives it without a seek
   * (e.g. the segment after the one `SegmentStream.indexAt` found: its search read that one last).
   */
  isAt(stream: SegmentStream, i: number): boolean {
    return this.current && this.stream === stream && this.index === i;
  }

  /** The current segment as an object. */
  segment(): Segment {
    return segmentOf(this.state, this.start, this.end, this.startStep, this.endStep, this.waitKind, this.target, this.line);
  }

  /** Keeps the current segment (for `found`). */
  keep(): void {
    this.kept[0] = this.state;
    this.kept[1] = this.start;
    this.kept[2] = this.end;
    this.kept[3] = this.startStep;
    this.kept[4] = this.endStep;
    this.kept[5] = this.waitKind;
    this.kept[6] = this.target;
    this.kept[7] = this.line;
  }

  /** The segment last kept (by `SegmentStream.indexAt`), as an object. */
  found(): Segment {
    const k = this.kept;
    return segmentOf(k[0]!, k[1]!, k[2]!, k[3]!, k[4]!, k[5]!, k[6]!, k[7]!);
  }

  private openChunk(c: number): void {
    const at = this.chunks[c]!;
    const stream = this.stream!;
    this.chunk = c;
    this.page = pageOf(stream.arena, at);
    const from = offsetOf(at);
    this.baseStart = readF64(this.page, from);
    this.baseStep = readU32(this.page, from + 8);
    this.pos = from + HEADER;
    this.end_ = from + (c === this.chunks.length - 1 ? stream.lastChunkUsed : CHUNK);
    this.ctxWait = UNSET;
    this.ctxTarget = UNSET;
    this.ctxLine = UNSET;
    this.stepPredictions.fill(NO_STEP_PREDICTION);
    this.timePredictions.fill(0);
  }

  /** Whether another record follows, moving to the next chunk when this one is done. */
  private more(): boolean {
    while (this.pos >= this.end_ || this.page[this.pos] === END_OF_CHUNK) {
      if (this.chunk + 1 >= this.chunks.length) return false;
      this.openChunk(this.chunk + 1);
    }
    return true;
  }

  private readVarint(): number {
    // Most varints here are 1–2 bytes: read those with small-integer arithmetic.
    const page = this.page;
    const b0 = page[this.pos++]!;
    if (b0 < 128) return b0;
    const b1 = page[this.pos++]!;
    if (b1 < 128) return (b0 & 127) | (b1 << 7);
    const b2 = page[this.pos++]!;
    if (b2 < 128) return (b0 & 127) | ((b1 & 127) << 7) | (b2 << 14);
    let result = (b0 & 127) | ((b1 & 127) << 7) | ((b2 & 127) << 14);
    let mul = 1 << 21;
    let b: number;
    do {
      b = this.page[this.pos++]!;
      result += (b & 127) * mul;
      mul *= 128;
    } while (b & 128);
    return result;
  }

  /** Reads one record into the look-ahead; an end fix does not move the base. */
  private readRecord(): void {
    const head = this.page[this.pos++]!;
    const code = head & 7;
    const mode = (head >> 3) & 3;
    const steps = this.stepPredictions;
    const tp = this.timePredictions;
    const predicted = code < PREDICTED_STATES;
    const stepBits = head & STEP_PREDICTED;
    const stepDelta =
      stepBits === STEP_PLUS_ONE ? 1 : stepBits === STEP_PREDICTED ? (predicted ? steps[code]! : NO_STEP_PREDICTION) : stepBits === STEP_NEGATIVE ? -this.readVarint() : this.readVarint();
    const step = this.baseStep + stepDelta;
    const timePrediction = predicted ? tp[code]! : 0;
    let start = this.baseStart;
    if (mode === TIME_SAME) {
      if (timePrediction !== 0) start = predictedTime(this.baseStart, timePrediction);
    } else if (mode === TIME_NANOS) {
      const d = this.readVarint();
      start = this.baseStart + d / 1e9;
      if (predicted) tp[code] = -d;
    } else if (mode === TIME_UNITS) {
      const v = this.readVarint();
      if (v % 2 === 1) {
        const z = (v - 1) / 2;
        const g = timePrediction > 0 ? timePrediction + unzigzag(z) : z;
        start = this.baseStart + g / GRID_PER_S;
        if (predicted) tp[code] = g;
      } else {
        start = this.baseStart + (v / 2) * ulpOf(this.baseStart);
      }
    } else {
      start = readF64(this.page, this.pos);
      this.pos += 8;
    }
    if (predicted) steps[code] = stepDelta;
    this.has = true;
    this.laCode = code;
    this.laStart = start;
    this.laStep = step;
    if (code === END_FIX) return;
    const withCtx = hasAttrs(code);
    if ((head & HAS_ATTRS) !== 0) {
      const w = this.readVarint();
      this.laWait = Math.floor(w / 2) - 1;
      const t = this.readVarint();
      this.laTarget = w % 2 === 1 ? this.ctxTarget + unzigzag(t) : t === 0 ? NONE : unzigzag(t - 1);
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
