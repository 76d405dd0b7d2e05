/**
 * Export of a run in the Chrome Trace Event Format, which Perfetto and chrome://tracing open.
 * Public contract (DESIGN.md §5 `export-trace`): one track per lane named after the task, one
 * complete event (`ph: "X"`) per state interval named after the state, and one instant event per
 * ended lane named `done`, `failed` or `cancelled` at its end. Times are microseconds of virtual
 * time.
 */
import type { ConsoleLine, Lane } from "./types";
import { waitKindName } from "./waitKind";

const PID = 1;
/** Track for output printed outside any task (task ids start at 1). */
const OUTSIDE_TID = 0;

/** One event of the Trace Event Format; only the fields we emit. */
export interface ChromeTraceEvent {
  readonly name: string;
  readonly ph: "X" | "i" | "M";
  readonly pid: number;
  readonly tid: number;
  readonly ts?: number;
  readonly dur?: number;
  /** Scope of an instant event: "t" = thread (its track). */
  readonly s?: "t";
  readonly cat?: string;
  readonly args?: Readonly<Record<string, string | number>>;
}

export interface ChromeTrace {
  readonly traceEvents: ChromeTraceEvent[];
  readonly displayTimeUnit: "ms";
}

const toMicros = (seconds: number) => Math.round(seconds * 1e9) / 1e3;

export function toChromeTrace(lanes: readonly Lane[], lines: readonly ConsoleLine[]): ChromeTrace {
  const events: ChromeTraceEvent[] = [
    { name: "process_name", ph: "M", pid: PID, tid: OUTSIDE_TID, args: { name: "Taskline run" } },
  ];
  const tidByName = new Map<string, number>();
  const nameById = new Map(lanes.map((l) => [l.id as number, l.name]));
  lanes.forEach((lane, index) => {
    const tid = lane.id;
    if (!tidByName.has(lane.name)) tidByName.set(lane.name, tid);
    events.push(
      { name: "thread_name", ph: "M", pid: PID, tid, args: { name: lane.name } },
      { name: "thread_sort_index", ph: "M", pid: PID, tid, args: { sort_index: index + 1 } },
    );
    for (const s of lane.segments) {
      const terminal = s.state === "done" || s.state === "failed" || s.state === "cancelled";
      // The zero-length terminal segment is the end marker; it becomes the instant below.
      if (terminal && s.end <= s.start) continue;
      const args: Record<string, string | number> = {};
      if (s.waitKind !== undefined) args.waitKind = waitKindName(s.waitKind);
      if (s.line !== undefined && s.line > 0) args.line = s.line;
      if (s.sleepFor !== undefined) args.sleepFor = s.sleepFor; // seconds the sleep asked for
      if (s.target !== undefined) {
        args.target = nameById.get(s.target) ?? `#${s.target}`;
      }
      events.push({
        name: s.state,
        cat: lane.kind,
        ph: "X",
        pid: PID,
        tid,
        ts: toMicros(s.start),
        dur: toMicros(s.end - s.start),
        ...(Object.keys(args).length > 0 && { args }),
      });
    }
    if (lane.finalState !== "pending") {
      const last = lane.segments[lane.segments.length - 1];
      const at = last?.end ?? lane.createdAt;
      const args: Record<string, string> = {};
      if (lane.end?.result !== undefined) args.result = lane.end.result;
      if (lane.end?.excType !== undefined) args.exception = lane.end.excType;
      if (lane.end?.excMessage !== undefined) args.message = lane.end.excMessage;
      events.push({
        name: lane.finalState,
        ph: "i",
        s: "t",
        pid: PID,
        tid,
        ts: toMicros(at),
        ...(Object.keys(args).length > 0 && { args }),
      });
    }
  });
  let hasOutside = false;
  for (const line of lines) {
    const tid = line.task === "" ? OUTSIDE_TID : (tidByName.get(line.task) ?? OUTSIDE_TID);
    if (tid === OUTSIDE_TID) hasOutside = true;
    events.push({
      name: "print",
      cat: line.stream,
      ph: "i",
      s: "t",
      pid: PID,
      tid,
      ts: toMicros(line.vt),
      args: { text: line.text, stream: line.stream },
    });
  }
  if (hasOutside) {
    events.push(
      { name: "thread_name", ph: "M", pid: PID, tid: OUTSIDE_TID, args: { name: "(outside tasks)" } },
      { name: "thread_sort_index", ph: "M", pid: PID, tid: OUTSIDE_TID, args: { sort_index: 0 } },
    );
  }
  return { traceEvents: events, displayTimeUnit: "ms" };
}
