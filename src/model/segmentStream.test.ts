import { describe, expect, it } from "vitest";
import { WaitKind } from "../protocol/trace";
import { ByteArena, CHUNK, SegmentReader, SegmentStream, stateCode, TIME_GRID_S, ulpOf } from "./segmentStream";

/** Roughly the segments of one chunk (2 bytes each). */
const BLOCK = CHUNK / 2;
import { taskId, type Segment, type SegmentState } from "./types";

/** Pushes segments that are contiguous (each ends where the next starts) unless given an end. */
function streamOf(segments: readonly Segment[]): SegmentStream {
  const stream = new SegmentStream();
  for (const s of segments) {
    stream.push(stateCode(s.state), s.start, s.startStep, s.end, s.endStep, s.waitKind ?? -1, s.target ?? -1, s.line ?? -1);
  }
  return stream;
}

function seg(state: SegmentState, start: number, end: number, startStep: number, endStep: number, extra: Partial<Segment> = {}): Segment {
  return { state, start, end, startStep, endStep, ...extra } as Segment;
}

/** A lane of n segments: running, waiting on sleep at line 5, ready, … with `dt` seconds each. */
function laneOf(n: number, dt: (i: number) => number): Segment[] {
  const out: Segment[] = [];
  let t = 0;
  let step = 0;
  const states: SegmentState[] = ["running", "waiting", "ready"];
  for (let i = 0; i < n; i++) {
    const state = states[i % 3]!;
    const end = t + dt(i);
    const endStep = step + (state === "running" ? 1 : state === "ready" ? 100 : 0);
    out.push(seg(state, t, end, step, endStep, state === "waiting" ? { waitKind: WaitKind.sleep, line: 5 } : {}));
    t = end;
    step = endStep;
  }
  return out;
}

describe("SegmentStream encoding", () => {
  it("round-trips segments exactly: states, times, steps, wait kinds, targets and lines", () => {
    const segments = [
      seg("ready", 0, 0.5, 0, 1),
      seg("running", 0.5, 0.5, 1, 2),
      seg("waiting", 0.5, 2, 2, 9, { waitKind: WaitKind.task, target: taskId(3), line: 12 }),
      seg("waiting", 2, 3, 9, 9, { waitKind: WaitKind.lock, line: 0 }),
      seg("blocked", 3, 4.25, 9, 10, { line: 7 }),
      seg("running", 4.25, 4.25, 10, 11),
      seg("failed", 4.25, 4.25, 11, 11),
    ];
    expect(streamOf(segments).decode()).toEqual(segments);
  });

  it("writes a full f64 when a time is not a whole number of nanoseconds away, and still decodes it exactly", () => {
    const odd = [0.1 + 0.2, Math.PI, 1e-10, 1e12 + 0.5, 2 ** -40, 7.000000001];
    const segments: Segment[] = [];
    let t = 0;
    odd.forEach((next, i) => {
      segments.push(seg("running", t, next, i, i + 1));
      t = next;
    });
    const stream = streamOf(segments);
    expect(stream.decode()).toEqual(segments);
    // Some of these need the escape: more than 2 bytes a segment on average.
    expect(stream.length).toBeGreaterThan(2 * segments.length);
  });

  it("codes a time that goes back, and a segment whose end is not the next one's start", () => {
    const segments = [seg("running", 5, 6, 3, 4), seg("waiting", 4, 4.5, 2, 8, { waitKind: WaitKind.sleep, line: 1 }), seg("ready", 4.75, 5, 9, 10)];
    expect(streamOf(segments).decode()).toEqual(segments);
  });

  it("costs 1–2 bytes a segment when the clock does not move and steps advance by 1 or a little", () => {
    const segments = laneOf(3000, () => 0);
    const stream = streamOf(segments);
    expect(stream.decode()).toEqual(segments);
    expect(stream.length / segments.length).toBeLessThan(2);
  });

  it("uses nanosecond deltas for times that are whole microseconds apart", () => {
    const segments = laneOf(900, (i) => (i % 3) * 1e-6 + 3e-6);
    const stream = streamOf(segments);
    expect(stream.decode()).toEqual(segments);
    expect(stream.length / segments.length).toBeLessThan(5);
  });

  it("codes a realistic clock's times (sums of measured floats) as ulp deltas: exact, and well under an f64 each", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    // Like a realistic clock: each step adds a measured CPU time (a difference of two timer readings).
    // Five seconds into a run, a lane's times are sums of such measurements.
    const segments = laneOf(3000, () => 12.345678 + rand() * 3e-5 - 12.345678).map((x) => ({ ...x, start: x.start + 5, end: x.end + 5 }) as Segment);
    const stream = streamOf(segments);
    expect(stream.decode()).toEqual(segments);
    // An f64 record would be 10 bytes with its header and step.
    expect(stream.length / segments.length).toBeLessThan(9);
  });

  it("codes times on the 2^-20 s grid (a realistic clock's, snapped by the store) as grid steps: exact, 1–3 bytes a delta", () => {
    let seed = 5;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const grid = (t: number) => Math.round(t / TIME_GRID_S) * TIME_GRID_S;
    const segments = laneOf(3000, () => grid(3e-6 + rand() * 3e-3)).map((x) => ({ ...x, start: grid(x.start + 5), end: grid(x.end + 5) }) as Segment);
    const stream = streamOf(segments);
    expect(stream.decode()).toEqual(segments);
    expect(stream.length / segments.length).toBeLessThan(5);
  });

  /** A round-robin task's lane: running for about `stepS`, then ready while `others` other steps run; times on the grid. */
  function roundRobinLane(rounds: number, others: number, stepS: () => number): Segment[] {
    const grid = (t: number) => Math.round(t / TIME_GRID_S) * TIME_GRID_S;
    const out: Segment[] = [];
    let t = grid(5);
    let step = 0;
    for (let r = 0; r < rounds; r++) {
      const ran = grid(t + stepS());
      out.push(seg("running", t, ran, step, step + 1));
      let next = ran;
      for (let o = 0; o < others; o++) next = grid(next + stepS());
      out.push(seg("ready", ran, next, step + 1, step + 1 + others));
      t = next;
      step += 1 + others;
    }
    return out;
  }

  it("predicts a lane that repeats itself: the same step delta costs no varint, a grid delta costs its difference to the last one", () => {
    let seed = 3;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // 10,000 tasks taking turns, each step ~3–5 µs: without predictions a running record is a
    // header, a 2-byte step delta (9,999) and a 3-byte grid delta (~40 ms), a ready record 2 bytes.
    const segments = roundRobinLane(400, 9_999, () => 3e-6 + rand() * 2e-6);
    const stream = streamOf(segments);
    expect(stream.decode()).toEqual(segments);
    expect(stream.length / segments.length).toBeLessThan(3);
    // The same steps on a clock that does not move: header bytes only, but for each chunk's first records.
    const still = roundRobinLane(400, 9_999, () => 0);
    const stillStream = streamOf(still);
    expect(stillStream.decode()).toEqual(still);
    expect(stillStream.length / still.length).toBeLessThan(1.3);
  });

  it("predicts an ideal clock's repeated sleeps: a nanosecond delta equal to the state's last one costs nothing", () => {
    // running (no time), waiting 10 ms, ready (no time), …: each ready record would carry 10,000,000 ns (4 bytes).
    const segments = laneOf(3000, (i) => (i % 3 === 1 ? 0.01 : 0));
    const stream = streamOf(segments);
    expect(stream.decode()).toEqual(segments);
    expect(stream.length / segments.length).toBeLessThan(2);
    // Two lengths taking turns: each state still has its own prediction only for its own repeats.
    const alternating = laneOf(3000, (i) => (i % 3 === 1 ? (i % 2 === 0 ? 0.01 : 0.25) : 1e-6));
    expect(streamOf(alternating).decode()).toEqual(alternating);
  });

  it("codes a wait target near the last one (a sleep's length measured anew each time) as its difference", () => {
    let seed = 13;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // A 10 ms sleep's length packed as µs << 1, a few µs off each time on a realistic clock.
    const segments = laneOf(3000, () => 0).map((x) => (x.state === "waiting" ? { ...x, waitKind: WaitKind.task, target: taskId(20_000 - 2 * Math.floor(rand() * 8)) } : x));
    const stream = streamOf(segments);
    expect(stream.decode()).toEqual(segments);
    // 2.25 bytes a segment; 2.9 with the target written whole (3 bytes) each time it changes.
    expect(stream.length / segments.length).toBeLessThan(2.5);
  });

  it("starts predictions over in every chunk: any segment decodes alone, from its chunk", () => {
    let seed = 9;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const segments = roundRobinLane(300, 500, () => (rand() < 0.3 ? 4 * TIME_GRID_S : 3e-6 + rand() * 2e-6));
    const stream = streamOf(segments);
    expect(stream.chunkList().length).toBeGreaterThan(5);
    const reader = new SegmentReader();
    segments.forEach((s, i) => expect(stream.at(i, reader)).toEqual(s));
    expect(stream.decode(segments.length - 17)).toEqual(segments.slice(-17));
    for (const s of segments.filter((_, i) => i % 7 === 0)) expect(stream.indexAt(s.start, "time", reader)).toBe(segments.lastIndexOf(segments.findLast((x) => x.start <= s.start)!));
  });

  it("decodes exactly whatever follows a prediction: the same delta, a smaller or larger one, none, a jump back, an odd float, other states", () => {
    let seed = 21;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const grid = (t: number) => Math.round(t / TIME_GRID_S) * TIME_GRID_S;
    const states: SegmentState[] = ["ready", "running", "waiting", "blocked"];
    for (let trial = 0; trial < 30; trial++) {
      const segments: Segment[] = [];
      let t = grid(rand() * 100);
      let step = Math.floor(rand() * 1000);
      const deltas = [0, TIME_GRID_S, 7 * TIME_GRID_S, grid(0.04), grid(3), 1e-6, 0.01, 0.25];
      const steps = [0, 1, 2, 9_999, 70_000];
      for (let i = 0; i < 600; i++) {
        const state = rand() < 0.8 ? states[i % 2]! : states[Math.floor(rand() * 4)]!;
        const r = rand();
        const dt = r < 0.6 ? deltas[i % 3 === 0 ? 3 : 1]! : r < 0.9 ? deltas[Math.floor(rand() * deltas.length)]! : r < 0.95 ? -grid(rand() * 0.01) : rand() * 1e-3;
        const ds = rand() < 0.7 ? steps[i % 2 === 0 ? 3 : 1]! : rand() < 0.9 ? steps[Math.floor(rand() * steps.length)]! : -Math.floor(rand() * 5);
        const end = Math.max(0, t + dt);
        const endStep = Math.max(0, step + ds);
        const near = 20_000 + Math.floor(rand() * 9) - 4;
        const target = rand() < 0.6 ? near : rand() < 0.5 ? Math.floor(rand() * 50) : rand() < 0.5 ? undefined : Math.floor(rand() * 3);
        const extra =
          state === "waiting"
            ? rand() < 0.5
              ? { waitKind: WaitKind.sleep, line: 5 }
              : { waitKind: WaitKind.task, ...(target === undefined ? {} : { target: taskId(target) }), line: 6 }
            : state === "blocked"
              ? { line: 9 }
              : {};
        segments.push(seg(state, t, end, step, endStep, extra));
        t = end;
        step = endStep;
      }
      const stream = streamOf(segments);
      expect(stream.decode()).toEqual(segments);
      for (let i = 0; i < segments.length; i += 37) expect(stream.at(i)).toEqual(segments[i]);
      expect(stream.last()).toEqual(segments[segments.length - 1]); // kept as pushed, not decoded
      expect(stream.last()).toEqual(stream.at(segments.length - 1));
    }
  });

  it("never reads half a grid step as an ulp delta: a time half a grid step off the grid decodes exactly", () => {
    // Found by the random-trace oracle test: these two starts are 8387.5 grid steps apart.
    const [a, b, c] = [0.26854977043914796, 0.2765487137680054, 0.29518661006736757];
    expect((b - a) / TIME_GRID_S).toBe(8387.5);
    const segments = [seg("waiting", a, b, 81, 83, { waitKind: WaitKind.sleep, line: 19 }), seg("ready", b, c, 83, 91)];
    expect(streamOf(segments).decode()).toEqual(segments);
  });

  it("knows the spacing of doubles", () => {
    expect(ulpOf(1)).toBe(2 ** -52);
    expect(ulpOf(1.5)).toBe(2 ** -52);
    expect(ulpOf(2)).toBe(2 ** -51);
    expect(ulpOf(1000)).toBe(2 ** -43);
    expect(ulpOf(0)).toBe(0);
    expect(ulpOf(-1)).toBe(0);
  });

  it("shares one arena between lanes: chunks interleave, each lane still decodes its own", () => {
    const arena = new ByteArena();
    const a = new SegmentStream(arena);
    const b = new SegmentStream(arena);
    const sa = laneOf(700, () => 0.001);
    const sb = laneOf(500, (i) => i * 1e-6);
    for (let i = 0; i < 700; i++) {
      for (const [stream, segs] of [[a, sa], [b, sb]] as const) {
        const s = segs[i];
        if (s !== undefined) stream.push(stateCode(s.state), s.start, s.startStep, s.end, s.endStep, s.waitKind ?? -1, s.target ?? -1, s.line ?? -1);
      }
    }
    expect(a.decode()).toEqual(sa);
    expect(b.decode()).toEqual(sb);
    // Both lanes' chunks fit in the pages: no lane holds more than one part-filled chunk.
    expect(a.chunkBytes + b.chunkBytes).toBeLessThanOrEqual(a.length + b.length + 2 * CHUNK);
    expect(arena.byteSize()).toBeLessThan(70_000);
  });
});

describe("SegmentStream search", () => {
  const segments = laneOf(10 * BLOCK + 7, (i) => (i % 5 === 0 ? 0 : 0.25));
  const stream = streamOf(segments);

  /** The reference answer: the last segment starting at or before p. */
  const lastAtOrBefore = (p: number, axis: "time" | "steps") => {
    let found = -1;
    segments.forEach((s, i) => {
      if ((axis === "time" ? s.start : s.startStep) <= p) found = i;
    });
    return found;
  };

  it("finds the segment at a time or a step by binary search over checkpoints, like a scan does", () => {
    const reader = new SegmentReader();
    const end = segments.at(-1)!;
    for (let p = -1; p <= end.start + 1; p += 0.125) expect(stream.indexAt(p, "time", reader)).toBe(lastAtOrBefore(p, "time"));
    for (let p = -1; p <= end.startStep + 2; p += 7) expect(stream.indexAt(p, "steps", reader)).toBe(lastAtOrBefore(p, "steps"));
  });

  it("decodes one segment by index and a suffix from an index", () => {
    for (const i of [0, 1, BLOCK - 1, BLOCK, 3 * BLOCK + 5, segments.length - 1]) expect(stream.at(i)).toEqual(segments[i]);
    expect(stream.at(segments.length)).toBeUndefined();
    expect(stream.decode(2 * BLOCK + 3)).toEqual(segments.slice(2 * BLOCK + 3));
  });

  it("leaves the segment after the one found current in the reader, and says so only for that one", () => {
    const reader = new SegmentReader();
    for (let p = 0; p < segments.at(-1)!.start; p += 0.375) {
      const i = stream.indexAt(p, "time", reader);
      expect(reader.isAt(stream, i + 1)).toBe(true);
      expect(reader.segment()).toEqual(segments[i + 1]);
      expect(reader.isAt(stream, i)).toBe(false);
      expect(reader.isAt(streamOf(segments), i + 1)).toBe(false);
    }
    reader.seekChunk(stream, 2);
    expect(reader.isAt(stream, reader.index)).toBe(false); // positioned before a segment: none read yet
  });

  it("answers -1 before the first segment and on an empty stream", () => {
    expect(stream.indexAt(-5, "time")).toBe(-1);
    expect(new SegmentStream().indexAt(0, "steps")).toBe(-1);
    expect(new SegmentStream().decode()).toEqual([]);
  });
});
