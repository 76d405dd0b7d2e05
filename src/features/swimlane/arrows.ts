/**
 * Where the relation arrows and the lane marks go, in CSS pixels of the canvas. Pure: the painter
 * draws what this returns, and `data-arrows` reports how many. Only what touches the visible rows
 * and the visible x-range is laid out, capped, so a 10,000-task run never draws a hairball.
 */
import type { LaneMark, MarkKind, Relation, RelationKind } from "../../model/relations";
import type { TaskId } from "../../model/types";
import type { Axis, ToPx } from "./geometry";

export interface ArrowLine {
  readonly kind: RelationKind;
  /** Shared x of both ends (a relation happens at one instant / one step). */
  readonly x: number;
  /** Centre of the source row and of the target row (CSS px, canvas coordinates). */
  readonly y0: number;
  readonly y1: number;
}

export interface MarkTick {
  readonly kind: MarkKind;
  readonly x: number;
  /** Top of the row it sits on. */
  readonly y: number;
  /** Index into the marks array, for tooltips. */
  readonly index: number;
}

export interface ArrowLayoutOptions {
  readonly axis: Axis;
  readonly rowPx: number;
  readonly widthPx: number;
  /** Drawn rows [firstRow, lastRow] are on screen; y is shifted up by offsetYPx. */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly offsetYPx: number;
  /** Drawn row of a lane (0 = loop lane), undefined when it has none. */
  readonly rowOf: (id: TaskId) => number | undefined;
  /** At most this many results; the rest is left out. */
  readonly max: number;
}

/**
 * Arrows for the enabled kinds whose both ends are on visible rows and whose x is in view (an
 * arrow into a lane scrolled away would be a line to nowhere). Relations between lanes drawn on
 * one row (a collapsed group) are left out, and so are exact repeats (same kind, pixel and rows:
 * ten thousand creations at t = 0 draw as the few that can be seen).
 */
export function layoutArrows(relations: readonly Relation[], enabled: ReadonlySet<RelationKind>, toPx: ToPx, o: ArrowLayoutOptions): ArrowLine[] {
  const out: ArrowLine[] = [];
  if (enabled.size === 0) return out;
  const seen = new Set<string>();
  for (const r of relations) {
    if (!enabled.has(r.kind)) continue;
    const a = o.rowOf(r.from);
    const b = o.rowOf(r.to);
    if (a === undefined || b === undefined || a === b) continue;
    if (a < o.firstRow || a > o.lastRow || b < o.firstRow || b > o.lastRow) continue;
    const x = toPx(o.axis === "time" ? r.t : r.step);
    if (x < -1 || x > o.widthPx + 1) continue;
    const key = `${r.kind}:${Math.round(x)}:${a}:${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: r.kind, x, y0: (a + 0.5) * o.rowPx - o.offsetYPx, y1: (b + 0.5) * o.rowPx - o.offsetYPx });
    if (out.length >= o.max) break;
  }
  return out;
}

/** Ticks for marks on visible rows and in view; a tick within 2 px of the previous one on its row is dropped. */
export function layoutMarks(marks: readonly LaneMark[], toPx: ToPx, o: ArrowLayoutOptions): MarkTick[] {
  const out: MarkTick[] = [];
  const lastX = new Map<string, number>();
  for (let index = 0; index < marks.length; index++) {
    const m = marks[index]!;
    const row = m.task === 0 ? 0 : o.rowOf(m.task);
    if (row === undefined || row < o.firstRow || row > o.lastRow) continue;
    const x = toPx(o.axis === "time" ? m.t : m.step);
    if (x < -1 || x > o.widthPx + 1) continue;
    const key = `${row}:${m.kind}`;
    const prev = lastX.get(key);
    if (prev !== undefined && Math.abs(prev - x) < 2) continue;
    lastX.set(key, x);
    out.push({ kind: m.kind, x, y: row * o.rowPx - o.offsetYPx, index });
    if (out.length >= o.max) break;
  }
  return out;
}

/** The mark tick under (x, y), within a few pixels. */
export function hitMark(ticks: readonly MarkTick[], x: number, y: number, rowPx: number): MarkTick | undefined {
  for (let i = ticks.length - 1; i >= 0; i--) {
    const t = ticks[i]!;
    if (y >= t.y && y < t.y + rowPx * 0.45 && Math.abs(x - t.x) <= 3) return t;
  }
  return undefined;
}
