/**
 * The one place where worker messages become trusted: shape, types, finite numbers, sizes and
 * detail references are checked here, and nowhere past this point.
 */
import {
  PROTOCOL_VERSION,
  type FromWorker,
  type ProgramError,
  type RunEnd,
  type RunTotals,
  type SnapshotReport,
  type StopReason,
  runId,
} from "./messages";
import { RowKind, type Detail, type TraceColumns } from "./trace";

/** Longest string accepted in any field (a task name, one output chunk, a traceback). */
export const MAX_TEXT_CHARS = 1_000_000;
/** Most rows accepted in one batch. */
export const MAX_BATCH_ROWS = 1 << 20;

const STOP_REASONS: ReadonlySet<string> = new Set<StopReason>([
  "user", "wall-clock", "virtual-horizon", "steps", "tasks", "output", "trace-events", "deadlock", "fatal", "memory",
]);
const MAX_ROW_KIND = Math.max(...Object.values(RowKind));

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.length <= MAX_TEXT_CHARS;
const isFiniteNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isCount = (v: unknown): v is number => isFiniteNum(v) && Number.isInteger(v) && v >= 0;
/** The most lane ids a warning's await cycle may list (the tasks limit is 20,000 by default). */
const MAX_CYCLE_IDS = 1_000_000;
const isIdList = (v: unknown): v is readonly number[] => Array.isArray(v) && v.length <= MAX_CYCLE_IDS && v.every(isCount);
const optional = <T>(v: unknown, guard: (v: unknown) => v is T): boolean => v === undefined || guard(v);

function parseDetail(v: unknown): Detail | undefined {
  if (!isObj(v)) return undefined;
  switch (v.k) {
    case "lane":
      return (v.lane === "task" || v.lane === "thread" || v.lane === "generator") && isText(v.name) && isText(v.coro) && isCount(v.line)
        ? { k: "lane", lane: v.lane, name: v.name, coro: v.coro, line: v.line }
        : undefined;
    case "end":
      return optional(v.result, isText) && optional(v.excType, isText) && optional(v.excMessage, isText) && optional(v.traceback, isText)
        ? {
            k: "end",
            ...(v.result !== undefined && { result: v.result as string }),
            ...(v.excType !== undefined && { excType: v.excType as string }),
            ...(v.excMessage !== undefined && { excMessage: v.excMessage as string }),
            ...(v.traceback !== undefined && { traceback: v.traceback as string }),
          }
        : undefined;
    case "text":
      return isText(v.text) ? { k: "text", text: v.text } : undefined;
    case "warning":
      return isText(v.code) && isText(v.message) && isCount(v.line) && optional(v.cycle, isIdList)
        ? { k: "warning", code: v.code, message: v.message, line: v.line, ...(v.cycle !== undefined && { cycle: v.cycle as readonly number[] }) }
        : undefined;
    default:
      return undefined;
  }
}

function parseColumns(v: unknown): TraceColumns | undefined {
  if (!isObj(v)) return undefined;
  const { kind, task, x, y, t } = v;
  if (!(kind instanceof Uint8Array && task instanceof Int32Array && x instanceof Int32Array && y instanceof Int32Array && t instanceof Float64Array)) {
    return undefined;
  }
  const n = kind.length;
  if (n > MAX_BATCH_ROWS || task.length !== n || x.length !== n || y.length !== n || t.length !== n) return undefined;
  for (let i = 0; i < n; i++) {
    const k = kind[i]!;
    if (k < 1 || k > MAX_ROW_KIND || !Number.isFinite(t[i]!) || t[i]! < 0) return undefined;
  }
  return { kind, task, x, y, t };
}

function parseError(v: unknown): ProgramError | undefined {
  if (!isObj(v)) return undefined;
  if ((v.kind !== "syntax" && v.kind !== "exception") || !isText(v.excType) || !isText(v.message) || !isText(v.traceback)) {
    return undefined;
  }
  if (!optional(v.line, isCount) || !optional(v.column, isCount)) return undefined;
  return {
    kind: v.kind,
    excType: v.excType,
    message: v.message,
    traceback: v.traceback,
    ...(v.line !== undefined && { line: v.line as number }),
    ...(v.column !== undefined && { column: v.column as number }),
  };
}

function parseEnd(v: unknown): RunEnd | undefined {
  if (!isObj(v)) return undefined;
  if (v.status === "done") return { status: "done" };
  if (v.status === "error") {
    const error = parseError(v.error);
    return error && { status: "error", error };
  }
  if (v.status === "stopped" && typeof v.reason === "string" && STOP_REASONS.has(v.reason) && isText(v.message)) {
    return { status: "stopped", reason: v.reason as StopReason, message: v.message };
  }
  return undefined;
}

function parseTotals(v: unknown): RunTotals | undefined {
  if (!isObj(v) || !isFiniteNum(v.virtualTimeS) || v.virtualTimeS < 0 || !isCount(v.tasks) || !isCount(v.steps)) return undefined;
  return { virtualTimeS: v.virtualTimeS, tasks: v.tasks, steps: v.steps };
}

/** Accepts a message from the worker, or returns undefined for anything malformed. */
export function parseFromWorker(data: unknown): FromWorker | undefined {
  if (!isObj(data)) return undefined;
  switch (data.type) {
    case "progress":
      return isText(data.stage) && isFiniteNum(data.fraction)
        ? { type: "progress", stage: data.stage, fraction: Math.min(1, Math.max(0, data.fraction)) }
        : undefined;
    case "ready":
      return data.protocolVersion === PROTOCOL_VERSION && isText(data.pythonVersion)
        ? {
            type: "ready",
            protocolVersion: PROTOCOL_VERSION,
            pythonVersion: data.pythonVersion,
            ...((data.bootedFrom === "snapshot" || data.bootedFrom === "fresh") && { bootedFrom: data.bootedFrom }),
          }
        : undefined;
    case "bootFailed":
      return isText(data.message) ? { type: "bootFailed", message: data.message } : undefined;
    case "crashed":
      if (!isText(data.message) || !(data.reason === undefined || data.reason === "fatal" || data.reason === "memory")) return undefined;
      return { type: "crashed", message: data.message, ...(data.reason !== undefined && { reason: data.reason }) };
    case "trace": {
      if (!isCount(data.runId) || !Array.isArray(data.details)) return undefined;
      const columns = parseColumns(data.columns);
      const details = data.details.map(parseDetail);
      if (!columns || details.some((d) => d === undefined)) return undefined;
      return { type: "trace", runId: runId(data.runId), columns, details: details as Detail[] };
    }
    case "runEnded": {
      if (!isCount(data.runId)) return undefined;
      const end = parseEnd(data.end);
      const totals = parseTotals(data.totals);
      return end && totals ? { type: "runEnded", runId: runId(data.runId), end, totals } : undefined;
    }
    default:
      return undefined;
  }
}

/** Accepts a snapshot-maker worker's report, or returns undefined for anything malformed. */
export function parseSnapshotReport(data: unknown): SnapshotReport | undefined {
  if (!isObj(data) || data.type !== "snapshot") return undefined;
  if (data.outcome !== "stored" && data.outcome !== "present" && data.outcome !== "failed") return undefined;
  if (data.message !== undefined && !isText(data.message)) return undefined;
  return { type: "snapshot", outcome: data.outcome, ...(data.message !== undefined && { message: data.message }) };
}
