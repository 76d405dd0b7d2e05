/**
 * Paints laid-out rects onto the swimlane canvas. Plain functions, called from one animation
 * frame at a time; the canvas backing store is sized for devicePixelRatio so bars stay crisp.
 */
import type { SegmentRect } from "./geometry";
import type { Palette } from "./palette";

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
  /** Text shown inside a rect wide enough to hold it, "" for none. */
  readonly labelOf: (rect: SegmentRect) => string;
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
  for (const r of rects) {
    if (r.width < MIN_LABEL_WIDTH_PX) continue;
    const label = o.labelOf(r);
    if (label === "") continue;
    const room = r.width - 2 * LABEL_PAD_PX;
    const textWidth = ctx.measureText(label).width;
    ctx.fillStyle = palette.text[r.state];
    const x = r.x + LABEL_PAD_PX;
    const y = r.y + r.height / 2;
    if (textWidth <= room) {
      ctx.fillText(label, x, y);
    } else {
      ctx.save();
      ctx.beginPath();
      ctx.rect(r.x, r.y, r.width - 1, r.height);
      ctx.clip();
      ctx.fillText(label, x, y);
      ctx.restore();
    }
  }
}
