import { describe, expect, it } from "vitest";
import { createTraceStore } from "../../model/traceStore";
import { threeTasksTrace } from "../../model/testing";
import { waitingIntervals } from "./laneSummary";

describe("waitingIntervals", () => {
  it("lists each lane's waiting intervals in virtual seconds, joining back-to-back waits", () => {
    const store = createTraceStore();
    const { columns, details } = threeTasksTrace();
    store.append(columns, details);
    const [main, worker, , slow] = store.lanes();
    expect(JSON.parse(waitingIntervals(main!))).toEqual([[0, 1.5]]);
    expect(JSON.parse(waitingIntervals(worker!))).toEqual([[0, 1]]);
    // Waiting 0–1 s, a zero-time step at 1 s, waiting 1–1.5 s: one interval in time.
    expect(JSON.parse(waitingIntervals(slow!))).toEqual([[0, 1.5]]);
  });
});
