import { describe, expect, it } from "vitest";
import { WaitKind } from "../protocol/trace";
import { awaitCycles, PSTREE_CYCLE_SCAN_MAX_TASKS, PSTREE_MAX_LINES, pstreeAt } from "./pstree";
import { TraceBuilder, threeTasksTrace } from "./testing";
import { EventIndex, lanesAt, segmentAt, stepAt } from "./timeline";
import { createTraceStore } from "./traceStore";
import { virtualTime } from "./types";

function lanesOf(batch: ReturnType<typeof threeTasksTrace>, end = 1.5) {
  const store = createTraceStore();
  store.append(batch.columns, batch.details);
  store.finish(virtualTime(end));
  return store.lanes();
}

/** Three count() tasks under gather: One, sleep(1), Two — the tutorial's first program. */
function threeCounters() {
  const b = new TraceBuilder();
  b.created(1, "Task-1", 0, { coro: "main" }).ready(1, 0).run(1, 0);
  for (const id of [2, 3, 4]) b.created(id, `Task-${id}`, 1, { coro: "count" }).ready(id, 0);
  b.suspend(1, 0, WaitKind.gather, 0, 9);
  for (const id of [2, 3, 4]) b.run(id, 0).suspend(id, 0, WaitKind.sleep, 0, 5);
  for (const id of [2, 3, 4]) b.ready(id, 1).run(id, 1).finish(id, 1);
  b.ready(1, 1).run(1, 1).finish(1, 1);
  return lanesOf(b.build(), 1);
}

describe("the state of every task at a moment", () => {
  it("finds each task's segment at a time by binary search", () => {
    const lanes = lanesOf(threeTasksTrace());
    const worker = lanes.find((l) => l.name === "Task-2")!;
    expect(segmentAt(worker, 0.5)?.state).toBe("waiting");
    expect(segmentAt(worker, 1)?.state).toBe("done");
    expect(segmentAt(worker, 10)?.state).toBe("done");
  });

  it("leaves out tasks that do not exist yet", () => {
    const b = new TraceBuilder();
    b.created(1, "main", 0).ready(1, 0).run(1, 0).suspend(1, 0);
    b.created(2, "late", 1, { t: 2 }).ready(2, 2).run(2, 2).finish(2, 2);
    b.ready(1, 3).run(1, 3).finish(1, 3);
    const lanes = lanesOf(b.build(), 3);
    expect(lanesAt(lanes, 1).map((a) => a.lane.name)).toEqual(["main"]);
    expect(lanesAt(lanes, 2).map((a) => a.lane.name)).toEqual(["main", "late"]);
  });

  it("answers on the steps axis too", () => {
    const lanes = threeCounters();
    const states = lanesAt(lanes, 0, "steps").map((a) => a.segment.state);
    expect(states[0]).toBe("running");
  });
});

describe("the cursor on the steps axis", () => {
  it("sits at the last step begun by a time", () => {
    const lanes = threeCounters();
    expect(stepAt(lanes, 0.5)).toBe(stepAt(lanes, 0));
    expect(stepAt(lanes, 1)).toBeGreaterThan(stepAt(lanes, 0.5));
  });
});

describe("stepping between events", () => {
  it("moves to the next and previous state change", () => {
    const index = new EventIndex(threeCounters());
    expect(index.next(0.5)).toBe(1);
    expect(index.previous(1)).toBe(0);
    expect(index.next(1)).toBeUndefined();
    expect(index.previous(0)).toBeUndefined();
  });

  it("indexes a million-step trace and still finds neighbours exactly", () => {
    const b = new TraceBuilder();
    const tasks = 1000;
    b.created(1, "main", 0).ready(1, 0).run(1, 0).suspend(1, 0, WaitKind.gather);
    for (let id = 2; id <= tasks + 1; id++) b.created(id, `Task-${id}`, 1).ready(id, 0);
    for (let s = 0; s < 1000; s++) for (let id = 2; id <= tasks + 1; id++) b.run(id, s).suspend(id, s + 0.000001 * id, WaitKind.sleep);
    const index = new EventIndex(lanesOf(b.build(), 1000));
    expect(index.positions.length).toBe(1_001_000);
    expect(index.next(500)).toBeCloseTo(500.000002, 9);
    expect(index.previous(500)).toBeCloseTo(499.001001, 9);
  }, 60_000); // builds 2M rows: ~5 s on a busy 2-core machine, past vitest's 5 s default
});

describe("the await tree", () => {
  it("says how long a sleep asked for, as the lane's label does", () => {
    const b = new TraceBuilder().created(1, "main", 0).created(2, "Task-2", 1);
    b.ready(1, 0).run(1, 0).suspend(1, 0, WaitKind.sleep, 1_500_000 << 1, 4); // 1.5 s, in µs << 1
    b.ready(2, 0).run(2, 0).suspend(2, 0, WaitKind.sleep, (120_000 << 1) | 1, 7); // 2 min, in ms << 1 | 1
    const lines = pstreeAt(lanesOf(b.build(), 3), 1).split("\n");
    expect(lines).toEqual(["main · main · waiting on sleep 1.5 s (line 4)", "└── Task-2 · task-2 · waiting on sleep 2 min (line 7)"]);
  });

  it("shows three counters waiting on sleep under main at 0.5 s", () => {
    expect(pstreeAt(threeCounters(), 0.5)).toBe(
      [
        "Task-1 · main · waiting on gather (line 9)",
        "├── Task-2 · count · waiting on sleep (line 5)",
        "├── Task-3 · count · waiting on sleep (line 5)",
        "└── Task-4 · count · waiting on sleep (line 5)",
      ].join("\n"),
    );
  });

  it("stops listing after a cap and counts the tasks it left out", () => {
    const text = pstreeAt(threeCounters(), 0.5, "time", 2);
    expect(text.split("\n")).toEqual(["Task-1 · main · waiting on gather (line 9)", "├── Task-2 · count · waiting on sleep (line 5)", "… and 2 more tasks"]);
  });

  it("names the awaited task and calls out await cycles", () => {
    const b = new TraceBuilder();
    b.created(1, "main", 0).ready(1, 0).run(1, 0).suspend(1, 0, WaitKind.sleep);
    b.created(2, "a", 1).ready(2, 0).created(3, "b", 1).ready(3, 0);
    b.run(2, 0).suspend(2, 0, WaitKind.task, 3, 7).run(3, 0).suspend(3, 0, WaitKind.task, 2, 8);
    const lanes = lanesOf(b.build(), 5);
    const text = pstreeAt(lanes, 1);
    expect(text).toContain("a · a · await b (line 7)");
    expect(text).toContain("⟲ await cycle: a → b → a");
    expect(awaitCycles(lanesAt(lanes, 1))).toHaveLength(1);
  });

  it("looks for await cycles only among a bounded number of tasks, and still lists the tasks of a bigger run", () => {
    const b = new TraceBuilder();
    b.created(1, "main", 0).ready(1, 0).run(1, 0).suspend(1, 0, WaitKind.sleep);
    b.created(2, "a", 1).ready(2, 0).created(3, "b", 1).ready(3, 0);
    b.run(2, 0).suspend(2, 0, WaitKind.task, 3, 7).run(3, 0).suspend(3, 0, WaitKind.task, 2, 8);
    for (let id = 4; id <= PSTREE_CYCLE_SCAN_MAX_TASKS + 1; id++) b.created(id, `w${id}`, 1).ready(id, 0.5);
    const lanes = lanesOf(b.build(), 5);
    const before = pstreeAt(lanes, 0.25).split("\n"); // the sleepers are not created yet
    expect(before.at(-1)).toBe("⟲ await cycle: a → b → a");
    const after = pstreeAt(lanes, 1).split("\n");
    expect(after).toHaveLength(PSTREE_MAX_LINES + 1);
    expect(after.at(-1)).toBe(`… and ${PSTREE_CYCLE_SCAN_MAX_TASKS + 1 - PSTREE_MAX_LINES} more tasks`);
  });
});
