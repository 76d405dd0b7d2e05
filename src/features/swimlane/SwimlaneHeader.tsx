import type { ScaleLinear } from "d3";
import { useRef, type PointerEvent, type RefObject } from "react";
import { AXIS_PX, LABEL_PX } from "./dimensions";
import type { Axis } from "./geometry";
import { useSwimlaneWords } from "./useSwimlaneWords";

/** A drag on the axis shorter than this (CSS px) is a click, not a range. */
const MIN_BRUSH_PX = 4;

export interface SwimlaneHeaderProps {
  readonly axis: Axis;
  readonly plotWidthPx: number;
  /** The `<g>` the painter draws the d3 axis into. */
  readonly axisRef: RefObject<SVGGElement | null>;
  /** The shown view's scale (axis units → plot px) as last painted, if painted yet. */
  readonly plotScale: () => ScaleLinear<number, number> | undefined;
  /** The user dragged a range on the axis: show this domain (axis units). */
  readonly onBrush: (domain: readonly [number, number]) => void;
}

/**
 * Above the lanes: the corner naming the axis unit, the axis (drawn by the painter), and the axis
 * brush: a drag along the axis zooms to the dragged range, shown as a band while dragging.
 */
export function SwimlaneHeader({ axis, plotWidthPx, axisRef, plotScale, onBrush }: SwimlaneHeaderProps) {
  const { t } = useSwimlaneWords();
  const brushRef = useRef<HTMLDivElement>(null);
  const brushStart = useRef<number | undefined>(undefined);

  const axisX = (event: PointerEvent<SVGSVGElement>) => event.clientX - event.currentTarget.getBoundingClientRect().left;
  const handlePointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    brushStart.current = axisX(event);
  };
  const handlePointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const start = brushStart.current;
    const brush = brushRef.current;
    if (start === undefined || brush === null) return;
    const x = axisX(event);
    brush.hidden = Math.abs(x - start) < MIN_BRUSH_PX;
    brush.style.left = `${LABEL_PX + Math.min(start, x)}px`;
    brush.style.width = `${Math.abs(x - start)}px`;
  };
  const handlePointerUp = (event: PointerEvent<SVGSVGElement>) => {
    const start = brushStart.current;
    brushStart.current = undefined;
    if (brushRef.current !== null) brushRef.current.hidden = true;
    const plot = plotScale();
    if (start === undefined || plot === undefined) return;
    const x = axisX(event);
    if (Math.abs(x - start) < MIN_BRUSH_PX) return;
    onBrush([plot.invert(Math.min(start, x)), plot.invert(Math.max(start, x))]);
  };

  return (
    <div className="swimlane-header" style={{ height: AXIS_PX }}>
      <div className="swimlane-corner" style={{ width: LABEL_PX }}>
        {t(axis === "time" ? "swimlane.corner.time" : "swimlane.corner.steps")}
      </div>
      <svg
        className="swimlane-axis"
        data-testid="swimlane-axis"
        width={plotWidthPx}
        height={AXIS_PX}
        aria-hidden="true"
        onPointerDown={handlePointerDown}
        onPointerMove={handlePointerMove}
        onPointerUp={handlePointerUp}
      >
        <rect className="swimlane-axis__hit" width={plotWidthPx} height={AXIS_PX} />
        <g ref={axisRef} transform={`translate(0, ${AXIS_PX - 1})`} />
      </svg>
      <div ref={brushRef} className="swimlane-brush" hidden />
    </div>
  );
}
