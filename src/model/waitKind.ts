/** Names for what a waiting task awaits (../protocol/trace.ts `WaitKind`), for labels and export. */
import { WaitKind } from "../protocol/trace";

const NAMES: Readonly<Record<WaitKind, string>> = {
  [WaitKind.unknown]: "unknown",
  [WaitKind.sleep]: "sleep",
  [WaitKind.task]: "task",
  [WaitKind.gather]: "gather",
  [WaitKind.lock]: "Lock",
  [WaitKind.semaphore]: "Semaphore",
  [WaitKind.event]: "Event",
  [WaitKind.condition]: "Condition",
  [WaitKind.queue]: "Queue",
  [WaitKind.barrier]: "Barrier",
  [WaitKind.future]: "Future",
  [WaitKind.thread]: "thread",
  [WaitKind.taskGroup]: "TaskGroup",
  [WaitKind.wait]: "wait",
  [WaitKind.timeout]: "timeout",
  [WaitKind.yield]: "yield",
};

/** Stable display name of a wait kind ("sleep", "Semaphore", ...); "unknown" for unknown codes. */
export function waitKindName(kind: number): string {
  return NAMES[kind as WaitKind] ?? "unknown";
}
