/**
 * The swimlane as a standalone SVG document: a title, the event-loop lane and one lane per task
 * (state rects in the swimlane's palette), lane names on the left, a time (or steps) axis and a
 * legend. Pure: a string from the trace, so it is tested without a browser and every piece of
 * user text (task names can hold `<img onerror=…>`) goes through {@link escapeXml}.
 *
 * The swimlane's own layout (features/swimlane/geometry.ts) is built for a scrolling, zoomable
 * canvas; the few lines of static layout here (one scale, merged sub-pixel segments) are our own.
 */
import { scaleLinear } from "d3";
import type { LoopSpan } from "../../model/traceStore";
import { tickFormat } from "../../model/timeFormat";
import type { Lane } from "../../model/types";
import type { Palette } from "../swimlane";

export type SvgAxis = "time" | "steps";

/** A state a rect can be drawn in, as the palette names them. */
type DrawState = keyof Palette["fill"];

export interface SwimlaneSvgInput {
  readonly lanes: readonly Lane[];
  /** The event loop's own lane (running / idle / blocked), drawn first; empty to leave it out. */
  readonly loop: readonly LoopSpan[];
  /** Virtual seconds at the run's end, and its step count (the axis domain). */
  readonly endTime: number;
  readonly stepCount: number;
  readonly axis: SvgAxis;
  readonly palette: Palette;
  /** Texts in the reader's language. */
  readonly text: {
    readonly title: string;
    /** A line under the title (the run summary); "" for none. */
    readonly subtitle?: string;
    readonly loopLane: string;
    readonly axisLabel: string;
    /** Shown under the last lane when lanes were left out: "…and {n} more tasks". */
    readonly moreLanes: (n: number) => string;
    /** Display name per drawn state, in legend order. */
    readonly legend: readonly { readonly state: DrawState; readonly label: string }[];
  };
  /** Total width of the image (CSS px). */
  readonly widthPx?: number;
  /** Lanes beyond this are counted, not drawn (a 10,000-task run stays a usable file). */
  readonly maxLanes?: number;
  /** The text inside a task segment wide enough for it ("sleep 1 s", "await worker"); "" for none. */
  readonly segmentText?: (segment: Lane["segments"][number]) => string;
}

export interface SwimlaneSvg {
  readonly svg: string;
  readonly widthPx: number;
  readonly heightPx: number;
}

const DEFAULT_WIDTH_PX = 1200;
const DEFAULT_MAX_LANES = 400;
const ROW_PX = 22;
const BAR_GAP_PX = 3;
const TITLE_PX = 52;
const AXIS_PX = 44;
const LEGEND_PX = 30;
const PAD_PX = 12;
const FONT_PX = 12;
/** A rough average glyph width of the sans-serif font at FONT_PX, for fitting text without measuring. */
const CHAR_PX = 6.6;
const MAX_NAME_CHARS = 32;
/** Zero-length lane ends are drawn as a tick this wide, like on the canvas. */
const END_MARK_PX = 3;
const FONT = "system-ui, -apple-system, 'Segoe UI', sans-serif";

/**
 * Text safe inside an XML element or a double- or single-quoted attribute: markup characters
 * become entities, and characters XML 1.0 forbids (control characters, lone surrogates) become
 * U+FFFD, so the document always parses.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** At most `max` characters (code points), with an ellipsis when cut. */
function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** Pixels, rounded to 0.01 so the file stays short. */
const px = (value: number) => String(Math.round(value * 100) / 100);

interface Rect<S> {
  x0: number;
  x1: number;
  readonly state: DrawState;
  /** The span the rect starts with (the one its label describes). */
  readonly span: S;
}

interface Spanlike {
  readonly state: DrawState;
  readonly start: number;
  readonly end: number;
  readonly startStep: number;
  readonly endStep: number;
}

const isEnd = (state: DrawState) => state === "done" || state === "failed" || state === "cancelled";

/**
 * One row's rects: segments narrower than a pixel join the rect before them when they touch it
 * (a million tiny steps stay a few hundred rects); lane ends become thin ticks.
 */
function rowRects<S extends Spanlike>(spans: readonly S[], toPx: (v: number) => number, axis: SvgAxis): Rect<S>[] {
  const rects: Rect<S>[] = [];
  for (const span of spans) {
    const x0 = toPx(axis === "time" ? span.start : span.startStep);
    let x1 = toPx(axis === "time" ? span.end : span.endStep);
    if (isEnd(span.state) && x1 <= x0) {
      rects.push({ x0, x1: x0 + END_MARK_PX, state: span.state, span });
      continue;
    }
    const last = rects[rects.length - 1];
    if (x1 - x0 < 1 && last !== undefined && last.x1 >= x0 - 0.5) {
      last.x1 = Math.max(last.x1, x1);
      continue;
    }
    if (x1 - x0 < 1) x1 = x0 + 1;
    rects.push({ x0, x1, state: span.state, span });
  }
  return rects;
}

export function swimlaneSvg(input: SwimlaneSvgInput): SwimlaneSvg {
  const { palette, text, axis } = input;
  const widthPx = input.widthPx ?? DEFAULT_WIDTH_PX;
  const maxLanes = input.maxLanes ?? DEFAULT_MAX_LANES;
  const lanes = input.lanes.slice(0, maxLanes);
  const hidden = input.lanes.length - lanes.length;
  const segmentText = input.segmentText ?? (() => "");
  type Row = { readonly name: string; readonly fullName: string; readonly spans: readonly Spanlike[]; readonly labelOf: (span: Spanlike) => string };
  const rows: Row[] = [];
  // The loop lane's colours say it all (running, idle, blocked): no text on it.
  if (input.loop.length > 0) rows.push({ name: text.loopLane, fullName: text.loopLane, spans: input.loop, labelOf: () => "" });
  for (const lane of lanes) {
    rows.push({ name: clip(lane.name, MAX_NAME_CHARS), fullName: lane.name, spans: lane.segments, labelOf: (span) => segmentText(span as Lane["segments"][number]) });
  }

  const longest = Math.max(8, ...rows.map((r) => Array.from(r.name).length));
  const labelPx = Math.min(MAX_NAME_CHARS * CHAR_PX, longest * CHAR_PX) + 2 * PAD_PX;
  const plotX0 = labelPx;
  const plotX1 = widthPx - PAD_PX;
  const end = axis === "time" ? input.endTime : input.stepCount;
  const scale = scaleLinear()
    .domain([0, end > 0 ? end : 1])
    .range([plotX0, plotX1]);
  const lanesY0 = TITLE_PX;
  const moreRowPx = hidden > 0 ? ROW_PX : 0;
  const axisY = lanesY0 + rows.length * ROW_PX + moreRowPx;
  const legendY = axisY + AXIS_PX;
  const heightPx = legendY + LEGEND_PX;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${widthPx} ${heightPx}" font-family="${escapeXml(FONT)}" font-size="${FONT_PX}">`,
    `<title>${escapeXml(text.title)}</title>`,
    `<rect width="${widthPx}" height="${heightPx}" fill="${palette.background}"/>`,
    `<text x="${PAD_PX}" y="22" font-size="14" font-weight="600" fill="${palette.foreground}">${escapeXml(text.title)}</text>`,
  );
  if (text.subtitle) out.push(`<text x="${PAD_PX}" y="40" fill="${palette.foreground}" opacity="0.8">${escapeXml(text.subtitle)}</text>`);

  rows.forEach((row, i) => {
    const y = lanesY0 + i * ROW_PX;
    if (i % 2 === 0) out.push(`<rect x="0" y="${y}" width="${widthPx}" height="${ROW_PX}" fill="${palette.stripe}"/>`);
    const label = `<text x="${PAD_PX}" y="${y + ROW_PX / 2 + 4}" fill="${palette.foreground}">`;
    out.push(`${label}${row.name === row.fullName ? "" : `<title>${escapeXml(row.fullName)}</title>`}${escapeXml(row.name)}</text>`);
  });
  if (input.loop.length > 0) out.push(`<rect x="0" y="${lanesY0 + ROW_PX - 0.5}" width="${widthPx}" height="1" fill="${palette.separator}"/>`);

  // Bars grouped by state: one <g fill> per state keeps the file small.
  const byState = new Map<DrawState, string[]>();
  const labels: string[] = [];
  rows.forEach((row, i) => {
    const y = lanesY0 + i * ROW_PX + BAR_GAP_PX;
    const h = ROW_PX - 2 * BAR_GAP_PX;
    for (const r of rowRects(row.spans, scale, axis)) {
      let list = byState.get(r.state);
      if (list === undefined) byState.set(r.state, (list = []));
      list.push(`<rect x="${px(r.x0)}" y="${y}" width="${px(r.x1 - r.x0)}" height="${h}"/>`);
      const label = r.x1 - r.x0 >= 24 ? row.labelOf(r.span) : "";
      if (label !== "" && r.x1 - r.x0 >= Array.from(label).length * CHAR_PX * 0.9 + 10) {
        labels.push(`<text x="${px(r.x0 + 4)}" y="${y + h / 2 + 4}" font-size="11" fill="${palette.text[r.state]}">${escapeXml(label)}</text>`);
      }
    }
  });
  for (const [state, list] of byState) out.push(`<g fill="${palette.fill[state]}">${list.join("")}</g>`);
  out.push(...labels);

  if (hidden > 0) {
    out.push(`<text x="${PAD_PX}" y="${axisY - ROW_PX / 2 + 4}" fill="${palette.foreground}" font-style="italic">${escapeXml(text.moreLanes(hidden))}</text>`);
  }

  // Axis: a baseline with ticks and their labels.
  out.push(`<g stroke="${palette.separator}"><line x1="${plotX0}" y1="${axisY}" x2="${plotX1}" y2="${axisY}"/>`);
  const ticks = scale.ticks(Math.max(2, Math.floor((plotX1 - plotX0) / 90))).filter((v) => axis === "time" || Number.isInteger(v));
  for (const v of ticks) out.push(`<line x1="${px(scale(v))}" y1="${axisY}" x2="${px(scale(v))}" y2="${axisY + 4}"/>`);
  out.push(`</g>`);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  const format = axis === "time" ? tickFormat(end, step) : (v: number) => String(v);
  for (const v of ticks) {
    out.push(`<text x="${px(scale(v))}" y="${axisY + 16}" text-anchor="middle" fill="${palette.foreground}">${escapeXml(format(v))}</text>`);
  }
  out.push(`<text x="${plotX1}" y="${axisY + 34}" text-anchor="end" fill="${palette.foreground}" opacity="0.7">${escapeXml(text.axisLabel)} →</text>`);

  // Legend: a swatch and a name per state.
  let x = PAD_PX;
  for (const entry of text.legend) {
    out.push(
      `<rect x="${x}" y="${legendY + 6}" width="12" height="12" rx="2" fill="${palette.fill[entry.state]}"/>`,
      `<text x="${x + 16}" y="${legendY + 16}" fill="${palette.foreground}">${escapeXml(entry.label)}</text>`,
    );
    x += 16 + Array.from(entry.label).length * CHAR_PX + 18;
  }
  out.push(`</svg>`);
  return { svg: out.join("\n"), widthPx, heightPx };
}
