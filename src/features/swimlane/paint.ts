/**
 * Paints laid-out rects onto the swimlane canvas. Plain functions, called from one animation
 * frame at a time; the canvas backing store is sized for devicePixelRatio so bars stay crisp.
 */
import type { ArrowLine, MarkTick } from "./arrows";
import type { SegmentRect } from "./geometry";
import type { Palette } from "./palette";
import { fitLabel } from "./segmentLabel";

export interface PaintOptions {
  /** CSS pixels. */
  readonly widthPx: number;
  readonly heightPx: number;
  readonly devicePixelRatio: number;
  readonly palette: Palette;
  readonly rowPx: number;
  /** Rows drawn in the canvas, and the vertical scroll (CSS px) so stripes line up with labels. */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly scrollTopPx: number;
  /** Called after the background and stripes, before the segments (e.g. the selection tint). */
  readonly beforeSegments?: () => void;
  /** What a rect can say, longest first (see segmentLabelChoices); the longest that fits is drawn. */
  readonly labelOf: (rect: SegmentRect) => readonly string[];
  /** CSS font for labels. */
  readonly font?: string;
}

/** Labels are tried only on rects at least this wide (CSS px); measuring text costs. */
const MIN_LABEL_WIDTH_PX = 28;
const LABEL_PAD_PX = 4;

/** Makes the canvas backing store match its CSS size × devicePixelRatio; returns its 2D context. */
export function sizeCanvas(
  canvas: HTMLCanvasElement,
  widthPx: number,
  heightPx: number,
  devicePixelRatio: number,
): CanvasRenderingContext2D | null {
  const w = Math.max(1, Math.round(widthPx * devicePixelRatio));
  const h = Math.max(1, Math.round(heightPx * devicePixelRatio));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${widthPx}px`;
  canvas.style.height = `${heightPx}px`;
  const ctx = canvas.getContext("2d");
  ctx?.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
  return ctx;
}

export function paintSwimlane(ctx: CanvasRenderingContext2D, rects: readonly SegmentRect[], o: PaintOptions): void {
  const { palette, rowPx, widthPx, heightPx } = o;
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, widthPx, heightPx);

  ctx.fillStyle = palette.stripe;
  for (let row = o.firstRow; row <= o.lastRow; row++) {
    if (row % 2 === 0) ctx.fillRect(0, row * rowPx - o.scrollTopPx, widthPx, rowPx);
  }
  ctx.fillStyle = palette.separator;
  ctx.fillRect(0, rowPx - o.scrollTopPx - 0.5, widthPx, 1);
  o.beforeSegments?.();

  // One fillStyle change per state run, not per rect.
  let fill = "";
  for (const r of rects) {
    const colour = palette.fill[r.state];
    if (colour !== fill) {
      ctx.fillStyle = colour;
      fill = colour;
    }
    ctx.fillRect(r.x, r.y, r.width, r.height);
  }

  ctx.font = o.font ?? "11px system-ui, sans-serif";
  ctx.textBaseline = "middle";
  const measure = (text: string) => ctx.measureText(text).width;
  for (const r of rects) {
    if (r.width < MIN_LABEL_WIDTH_PX) continue;
    const choices = o.labelOf(r);
    if (choices.length === 0) continue;
    // A shorter phrase when the full one does not fit; nothing rather than a word cut in half.
    const label = fitLabel(choices, r.width - 2 * LABEL_PAD_PX, measure);
    if (label === "") continue;
    ctx.fillStyle = palette.text[r.state];
    ctx.fillText(label, r.x + LABEL_PAD_PX, r.y + r.height / 2);
  }
}

/** Arrowhead length and half-width (CSS px). */
const HEAD_PX = 5;
/**
 * Relations often coincide (a task created and awaited in one step): each kind is nudged
 * sideways so their lines run side by side instead of on top of each other.
 */
const KIND_OFFSET_PX: Readonly<Record<ArrowLine["kind"], number>> = { create: -2, await: 2, wake: 0, cancel: 4, exception: -4 };

/**
 * Relation arrows: a thin vertical line from the source row's centre to the target row's, a dot
 * at the source, a head at the target; one path per kind so colour changes stay few.
 */
export function paintArrows(ctx: CanvasRenderingContext2D, arrows: readonly ArrowLine[], palette: Palette): void {
  const byKind = new Map<ArrowLine["kind"], ArrowLine[]>();
  for (const a of arrows) {
    let list = byKind.get(a.kind);
    if (list === undefined) byKind.set(a.kind, (list = []));
    list.push(a);
  }
  for (const [kind, list] of byKind) {
    // An exception is the fact a reader hunts for: a heavier line.
    ctx.lineWidth = kind === "exception" ? 2 : 1.25;
    const colour = palette.relation[kind];
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.setLineDash(kind === "cancel" ? [3, 2] : []);
    ctx.beginPath();
    for (const a of list) {
      const dir = a.y1 > a.y0 ? 1 : -1;
      // Snap to the pixel grid's centre so a 1.25 px line stays crisp at any devicePixelRatio.
      const x = Math.round(a.x + KIND_OFFSET_PX[kind]) + 0.5;
      ctx.moveTo(x, a.y0);
      ctx.lineTo(x, a.y1 - dir * HEAD_PX);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    for (const a of list) {
      const dir = a.y1 > a.y0 ? 1 : -1;
      const x = Math.round(a.x + KIND_OFFSET_PX[kind]) + 0.5;
      ctx.moveTo(x, a.y1);
      ctx.lineTo(x - HEAD_PX * 0.7, a.y1 - dir * HEAD_PX);
      ctx.lineTo(x + HEAD_PX * 0.7, a.y1 - dir * HEAD_PX);
      ctx.closePath();
    }
    ctx.fill();
    // The source end: a small square dot.
    for (const a of list) ctx.fillRect(Math.round(a.x + KIND_OFFSET_PX[kind]) - 1.5 + 0.5, a.y0 - 1.5, 3, 3);
  }
}

/** Output and warning marks: a small downward tick (output) or triangle (warning) at the row's top. */
export function paintMarks(ctx: CanvasRenderingContext2D, ticks: readonly MarkTick[], palette: Palette, rowPx: number): void {
  ctx.fillStyle = palette.mark.output;
  for (const t of ticks) {
    if (t.kind === "output") ctx.fillRect(Math.round(t.x) - 1, t.y + 1, 2, Math.max(4, rowPx * 0.4));
  }
  ctx.fillStyle = palette.mark.warning;
  ctx.beginPath();
  for (const t of ticks) {
    if (t.kind !== "warning") continue;
    ctx.moveTo(t.x - 4, t.y + 1);
    ctx.lineTo(t.x + 4, t.y + 1);
    ctx.lineTo(t.x, t.y + 8);
    ctx.closePath();
  }
  ctx.fill();
}

/** Tints the selected row (drawn before the segments). */
export function paintSelection(ctx: CanvasRenderingContext2D, row: number | undefined, palette: Palette, rowPx: number, widthPx: number, scrollTopPx: number): void {
  if (row === undefined) return;
  ctx.fillStyle = palette.selection;
  ctx.fillRect(0, row * rowPx - scrollTopPx, widthPx, rowPx);
}

/** The playback cursor: a vertical line across all lanes at `xPx` (skipped when off-screen). */
export function paintCursor(ctx: CanvasRenderingContext2D, xPx: number, heightPx: number, widthPx: number): void {
  if (!(xPx >= 0 && xPx <= widthPx)) return;
  ctx.save();
  ctx.strokeStyle = "#e8590c";
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(Math.round(xPx) + 0.5, 0);
  ctx.lineTo(Math.round(xPx) + 0.5, heightPx);
  ctx.stroke();
  ctx.restore();
}
