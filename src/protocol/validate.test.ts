import { describe, expect, it } from "vitest";
import { parseFromWorker, parseSnapshotReport } from "./validate";

const columns = (n: number, t = 0) => ({
  kind: new Uint8Array(n).fill(3),
  task: new Int32Array(n).fill(1),
  x: new Int32Array(n),
  y: new Int32Array(n),
  t: new Float64Array(n).fill(t),
});

describe("parseFromWorker", () => {
  it("accepts a well-formed trace batch", () => {
    const msg = parseFromWorker({ type: "trace", runId: 1, columns: columns(2), details: [{ k: "text", text: "hi" }] });
    expect(msg?.type).toBe("trace");
  });

  it("rejects non-finite times, unknown row kinds and ragged columns", () => {
    expect(parseFromWorker({ type: "trace", runId: 1, columns: columns(1, Number.NaN), details: [] })).toBeUndefined();
    const bad = columns(1);
    bad.kind[0] = 99;
    expect(parseFromWorker({ type: "trace", runId: 1, columns: bad, details: [] })).toBeUndefined();
    expect(parseFromWorker({ type: "trace", runId: 1, columns: { ...columns(2), t: new Float64Array(1) }, details: [] })).toBeUndefined();
  });

  it("rejects details of unknown shape instead of passing them on", () => {
    expect(parseFromWorker({ type: "trace", runId: 1, columns: columns(0), details: [{ k: "html", html: "<b>" }] })).toBeUndefined();
    expect(parseFromWorker({ type: "trace", runId: 1, columns: columns(0), details: [{ k: "lane", lane: "task", name: 3 }] })).toBeUndefined();
    // A warning's await cycle is a list of lane ids, nothing else.
    const warning = { k: "warning", code: "deadlock", message: "m", line: 1 };
    expect(parseFromWorker({ type: "trace", runId: 1, columns: columns(0), details: [{ ...warning, cycle: [2, 3] }] })).toMatchObject({ details: [{ cycle: [2, 3] }] });
    expect(parseFromWorker({ type: "trace", runId: 1, columns: columns(0), details: [{ ...warning, cycle: [2, "x"] }] })).toBeUndefined();
    expect(parseFromWorker({ type: "trace", runId: 1, columns: columns(0), details: [{ ...warning, cycle: { 0: 2 } }] })).toBeUndefined();
  });

  it("accepts run endings and rejects unknown stop reasons", () => {
    const totals = { virtualTimeS: 1, tasks: 1, steps: 2 };
    expect(parseFromWorker({ type: "runEnded", runId: 2, end: { status: "done" }, totals })?.type).toBe("runEnded");
    expect(parseFromWorker({ type: "runEnded", runId: 2, end: { status: "stopped", reason: "bored", message: "" }, totals })).toBeUndefined();
    expect(parseFromWorker({ type: "runEnded", runId: 2, end: { status: "done" }, totals: { ...totals, virtualTimeS: Infinity } })).toBeUndefined();
  });

  it("checks the protocol version in the ready handshake", () => {
    expect(parseFromWorker({ type: "ready", protocolVersion: 1, pythonVersion: "3.14.2" })?.type).toBe("ready");
    expect(parseFromWorker({ type: "ready", protocolVersion: 2, pythonVersion: "3.14.2" })).toBeUndefined();
  });

  it("keeps how a ready interpreter booted only when it is a known source", () => {
    expect(parseFromWorker({ type: "ready", protocolVersion: 1, pythonVersion: "3.14.2", bootedFrom: "snapshot" })).toEqual({
      type: "ready",
      protocolVersion: 1,
      pythonVersion: "3.14.2",
      bootedFrom: "snapshot",
    });
    const odd = parseFromWorker({ type: "ready", protocolVersion: 1, pythonVersion: "3.14.2", bootedFrom: "<img>" });
    expect(odd).toEqual({ type: "ready", protocolVersion: 1, pythonVersion: "3.14.2" });
  });

  it("ignores anything that is not a known message", () => {
    for (const junk of [null, 3, "ready", [], { type: "eval", code: "alert(1)" }]) expect(parseFromWorker(junk)).toBeUndefined();
  });
});

describe("parseSnapshotReport", () => {
  it("accepts the three outcomes of a snapshot maker and nothing else", () => {
    expect(parseSnapshotReport({ type: "snapshot", outcome: "stored" })).toEqual({ type: "snapshot", outcome: "stored" });
    expect(parseSnapshotReport({ type: "snapshot", outcome: "failed", message: "no Cache Storage" })?.message).toBe("no Cache Storage");
    for (const junk of [null, { type: "snapshot", outcome: "deleted" }, { type: "snapshot", outcome: "present", message: 3 }, { type: "ready" }]) {
      expect(parseSnapshotReport(junk)).toBeUndefined();
    }
  });
});
