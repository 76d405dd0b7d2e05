import { describe, expect, it } from "vitest";
import { Outcome, RowKind, WaitKind, WakerKind, type TraceColumns } from "../protocol/trace";
import { referenceLanes } from "./referenceLanes";
import { TraceBuilder, threeTasksTrace, type TraceBatch } from "./testing";
import { existsAt, segmentAt, segmentAtIndex, segmentIndexAt } from "./timeline";
import { TIME_GRID_S } from "./segmentStream";
import { createTraceStore, snapToGrid, type TraceStore } from "./traceStore";
import { virtualTime, type Lane } from "./types";

/** Appends a trace in batches of `batch` rows (details with the first batch), asking for lanes in between. */
function storeOf({ columns, details }: TraceBatch, batch = Infinity, snapTimes = false): TraceStore {
  const store = createTraceStore({ snapTimes });
  const n = columns.kind.length;
  const size = Number.isFinite(batch) ? batch : Math.max(1, n);
  for (let i = 0; i < n; i += size) {
    const end = Math.min(n, i + size);
    const slice: TraceColumns = {
      kind: columns.kind.slice(i, end),
      task: columns.task.slice(i, end),
      x: columns.x.slice(i, end),
      y: columns.y.slice(i, end),
      t: columns.t.slice(i, end),
    };
    store.append(slice, i === 0 ? details : []);
    store.lanes();
  }
  return store;
}

const plain = (lanes: readonly Lane[]) =>
  lanes.map((l) => ({ id: l.id, name: l.name, finalState: l.finalState, parent: l.parent, cancelledBy: l.cancelledBy, end: l.end, segments: [...l.segments] }));

/** A random but well-formed-ish trace: tasks created, then rows of every lane-changing kind, times mostly rising. */
function randomTrace(seed: number, rows: number, timeGoesBack = true): TraceBatch {
  let state = seed;
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const b = new TraceBuilder();
  const tasks = 2 + Math.floor(rand() * 8);
  for (let id = 1; id <= tasks; id++) {
    if (rand() < 0.2) b.thread(id, `t${id}`, id > 1 ? 1 : 0, 0);
    else b.created(id, `Task-${id}`, id > 1 ? 1 : 0);
  }
  let t = 0;
  for (let i = 0; i < rows; i++) {
    const r = rand();
    // Mostly the clock stands still or moves by whole microseconds; sometimes by an odd float, rarely back.
    t = r < 0.5 ? t : r < 0.8 ? t + Math.floor(rand() * 50) * 1e-6 : r < 0.97 || !timeGoesBack ? t + rand() * 0.01 : Math.max(0, t - 0.001);
    const task = 1 + Math.floor(rand() * tasks);
    const k = rand();
    if (k < 0.25) b.ready(task, t, WakerKind.other);
    else if (k < 0.5) b.run(task, t);
    else if (k < 0.75) b.suspend(task, t, [WaitKind.sleep, WaitKind.task, WaitKind.lock, WaitKind.gather][Math.floor(rand() * 4)]!, Math.floor(rand() * tasks), Math.floor(rand() * 40));
    else if (k < 0.85) b.blockStart(task, t, Math.floor(rand() * 40));
    else if (k < 0.95) b.blockEnd(task, t);
    else if (k < 0.97) b.cancel(task, t, 1);
    else if (k < 0.985) b.finish(task, t, [Outcome.done, Outcome.failed, Outcome.cancelled][Math.floor(rand() * 3)]!);
  }
  return b.build();
}

/**
 * A random realistic-clock trace: tasks take turns (a round-robin, so lanes repeat themselves and
 * the stream's predictions are used), each step taking a measured time on the 2^-20 s grid, with
 * now and then a sleep, a blocking call, a wait on another task, a task that finishes, a time
 * standing still or going back.
 */
function randomRealisticTrace(seed: number, rounds: number): TraceBatch {
  let state = seed;
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const grid = (t: number) => Math.round(t / TIME_GRID_S) * TIME_GRID_S;
  const b = new TraceBuilder().created(1, "main").ready(1, 0).run(1, 0).suspend(1, 0, WaitKind.gather, 0, 9);
  const tasks = 3 + Math.floor(rand() * 40);
  const live: number[] = [];
  for (let id = 2; id <= tasks + 1; id++) {
    b.created(id, `Task-${id}`, 1).ready(id, 0);
    live.push(id);
  }
  let t = grid(rand() * 10);
  const tick = (): number => {
    const r = rand();
    t = r < 0.05 ? t : r < 0.07 ? Math.max(0, grid(t - rand() * 1e-3)) : r < 0.1 ? grid(t + rand() * 0.2) : grid(t + 3e-6 + rand() * 2e-6);
    return t;
  };
  for (let round = 0; round < rounds && live.length > 0; round++) {
    for (const id of [...live]) {
      b.run(id, t);
      const r = rand();
      if (r < 0.02) {
        b.finish(id, tick(), [Outcome.done, Outcome.failed, Outcome.cancelled][Math.floor(rand() * 3)]!);
        live.splice(live.indexOf(id), 1);
      } else if (r < 0.06) {
        b.blockStart(id, tick(), 12).blockEnd(id, tick()).ready(id, tick(), WakerKind.other).suspend(id, t, WaitKind.sleep, 0, 5);
      } else if (r < 0.1) {
        b.suspend(id, tick(), WaitKind.task, live[Math.floor(rand() * live.length)]!, 7).ready(id, tick(), WakerKind.other);
      } else if (r < 0.15) {
        b.suspend(id, tick(), WaitKind.sleep, 0, 6).ready(id, tick(), WakerKind.other);
      } else {
        b.ready(id, tick(), WakerKind.other).suspend(id, t, WaitKind.sleep, 0, 5);
      }
    }
  }
  return b.build();
}

describe("compact lanes are the reference derivation's lanes", () => {
  it("gives the same segments for random realistic-clock traces (times on the grid, lanes repeating themselves), whole or in batches", () => {
    for (let seed = 1; seed <= 25; seed++) {
      const trace = randomRealisticTrace(seed, 60 + seed * 4);
      // The times are on the grid already, so snapping them leaves them as they are.
      expect([...trace.columns.t].every((t) => snapToGrid(t) === t)).toBe(true);
      const expected = plain(referenceLanes(trace.columns, trace.details));
      expect(plain(storeOf(trace, Infinity, true).lanes())).toEqual(expected);
      expect(plain(storeOf(trace, 97, true).lanes())).toEqual(expected);
      // Any segment, decoded alone from its chunk, is the same.
      const store = storeOf(trace, Infinity, true);
      for (const lane of store.lanes()) {
        const ref = expected.find((l) => l.id === lane.id)!.segments;
        for (let i = 0; i < ref.length; i += 5) expect(lane.segmentAtIndex?.(i)).toEqual(ref[i]);
      }
    }
  });

  it("gives the same lanes and segments as the object-based derivation for the three-task fixture", () => {
    const trace = threeTasksTrace();
    expect(plain(storeOf(trace).lanes())).toEqual(plain(referenceLanes(trace.columns, trace.details)));
    const finished = storeOf(trace);
    finished.finish(virtualTime(50));
    expect(plain(finished.lanes())).toEqual(plain(referenceLanes(trace.columns, trace.details, 50)));
  });

  it("gives the same segments for random traces, whole or in small batches", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const trace = randomTrace(seed, 400);
      const expected = plain(referenceLanes(trace.columns, trace.details));
      expect(plain(storeOf(trace).lanes())).toEqual(expected);
      const batched = storeOf(trace, 7);
      expect(plain(batched.lanes())).toEqual(expected);
      expect(batched.segmentTotal).toBe(expected.reduce((sum, lane) => sum + lane.segments.length, 0));
    }
  });

  it("answers 'segment at' by search the same as a binary search over the decoded segments (times sorted, as on a real lane)", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const store = storeOf(randomTrace(seed, 600, false));
      for (const lane of store.lanes()) {
        const decoded = [...lane.segments];
        const scan: Lane = { ...lane, segments: decoded, segmentIndexAt: undefined, segmentAtIndex: undefined };
        const last = decoded.at(-1);
        if (last === undefined) continue;
        for (let p = -0.001; p <= last.end + 0.001; p += last.end / 37 + 1e-4) expect(segmentAt(lane, p)).toEqual(segmentAt(scan, p));
        for (let p = -1; p <= last.endStep + 1; p += 3) expect(segmentIndexAt(lane, p, "steps")).toBe(segmentIndexAt(scan, p, "steps"));
      }
    }
  });

  it("answers 'segment at' on lanes never decoded, searching lanes in turn, with the reference's segments", () => {
    for (let seed = 1; seed <= 6; seed++) {
      const trace = randomRealisticTrace(seed, 120);
      const expected = plain(referenceLanes(trace.columns, trace.details));
      const store = storeOf(trace, Infinity, true);
      const lanes = store.lanes();
      const end = store.endTime;
      for (let k = 0; k <= 40; k++) {
        const p = (end * k) / 40;
        // Search every lane first, then ask for the segments: a search keeps only what it found last.
        // (Times go back now and then here, so which index a search finds is not checked, only the segment there.)
        const found = lanes.map((lane) => segmentIndexAt(lane, p, "time"));
        lanes.forEach((lane, j) => {
          const ref = expected[j]!.segments;
          expect(segmentAtIndex(lane, found[j]!)).toEqual(ref[found[j]!]);
          // Whether it exists there (no search) agrees with the search.
          expect(existsAt(lane, p)).toBe(found[j]! >= 0);
          expect(existsAt(lane, k * 7, "steps")).toBe(segmentIndexAt(lane, k * 7, "steps") >= 0);
          // Search and ask in turn (what "lanes at the cursor" does), then for the next segment.
          expect(segmentAt(lane, p)).toEqual(ref[found[j]!]);
          expect(segmentAtIndex(lane, found[j]! + 1)).toEqual(ref[found[j]! + 1]);
        });
      }
    }
  });

  it("gives the segments overlapping a range, decoded from the range's chunk, as the reference's", () => {
    for (let seed = 1; seed <= 6; seed++) {
      const trace = randomRealisticTrace(seed, 200);
      const expected = plain(referenceLanes(trace.columns, trace.details));
      const store = storeOf(trace, Infinity, true);
      const end = store.endTime;
      store.lanes().forEach((lane, j) => {
        const ref = expected[j]!.segments;
        for (let k = 0; k < 12; k++) {
          const from = (end * k) / 12;
          const to = from + end / 7;
          expect(lane.segmentsIn?.(from, to, "time")).toEqual(ref.filter((s) => s.end > from && s.start < to));
          const [a, b] = [k * 37, k * 37 + 90];
          expect(lane.segmentsIn?.(a, b, "steps")).toEqual(ref.filter((s) => s.endStep > a && s.startStep < b));
        }
      });
    }
  });

  it("keeps an open lane's last segment ending at the store's end as more rows arrive for other lanes", () => {
    const store = createTraceStore();
    const first = new TraceBuilder().created(1, "a").created(2, "b").run(1, 0).suspend(1, 0, WaitKind.event).build();
    store.append(first.columns, first.details);
    const a = store.lanes()[0]!;
    const seen = a.segments;
    expect(seen.at(-1)).toMatchObject({ state: "waiting", end: 0 });
    const more = new TraceBuilder(2).run(2, 4).suspend(2, 5).row(RowKind.run, 2, 0, 0, 6).build();
    store.append(more.columns, more.details);
    expect(store.lanes()[0]).toBe(a);
    expect(a.segments.at(-1)).toMatchObject({ state: "waiting", start: 0, end: 6, startStep: 1, endStep: 3 });
    expect(a.segmentCount).toBe(2);
  });
});
