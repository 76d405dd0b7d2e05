/**
 * The swimlane's pointer hit testing against what the painter last drew: hovering shows a tooltip
 * for the mark or segment under the pointer, a click on a lane (canvas or label) selects its task
 * and a second click deselects it.
 */
import { useCallback, type MouseEvent, type PointerEvent, type RefObject } from "react";
import type { TaskId } from "../../model/types";
import { hitMark } from "./arrows";
import { ROW_PX } from "./dimensions";
import { hitTest } from "./geometry";
import { isOngoing } from "./laneSpans";
import { tooltipText, type TooltipSpan } from "./tooltipText";
import type { Drawn } from "./useSwimlanePainter";
import type { SwimlaneWords } from "./words";

/** Longest printed text shown in a mark's tooltip (characters). */
const MAX_TIP_TEXT = 200;

export interface PointerTargets {
  readonly area: RefObject<HTMLDivElement | null>;
  readonly canvas: RefObject<HTMLCanvasElement | null>;
  readonly tooltip: RefObject<HTMLDivElement | null>;
  /** What the last paint drew. */
  readonly drawn: RefObject<Drawn>;
}

export interface SwimlanePointer {
  readonly handlePointerMove: (event: PointerEvent<HTMLDivElement>) => void;
  readonly handleClick: (event: MouseEvent<HTMLDivElement>) => void;
  readonly hideTooltip: () => void;
}

export function useSwimlanePointer(
  targets: PointerTargets,
  words: SwimlaneWords,
  selectedTaskId: TaskId | undefined,
  onSelectTask: ((id: TaskId | undefined) => void) | undefined,
): SwimlanePointer {
  const { area: areaRef, canvas: canvasRef, tooltip: tooltipRef, drawn } = targets;
  const { t } = words;

  const hideTooltip = useCallback(() => {
    if (tooltipRef.current !== null) tooltipRef.current.hidden = true;
  }, [tooltipRef]);

  /** The drawn row (0 = loop) under a client y, from the canvas's position and the scroll. */
  const rowAtClientY = (clientY: number): number | undefined => {
    const canvas = canvasRef.current;
    const area = areaRef.current;
    if (canvas === null || area === null) return undefined;
    const y = clientY - canvas.getBoundingClientRect().top;
    if (y < 0) return undefined;
    return Math.floor((y + area.scrollTop) / ROW_PX);
  };

  const handlePointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const canvas = canvasRef.current;
    const tooltip = tooltipRef.current;
    if (canvas === null || tooltip === null || event.buttons !== 0) return;
    const box = canvas.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const inside = x >= 0 && y >= 0 && x < box.width && y < box.height;
    const d = drawn.current;
    let text: string | undefined;
    const mark = inside ? hitMark(d.ticks, x, y, ROW_PX) : undefined;
    if (mark !== undefined) {
      const m = d.marks[mark.index];
      if (m !== undefined) {
        const who = m.task === 0 ? t("swimlane.tip.mainProgram") : (d.nameOf(m.task) ?? `#${m.task}`);
        const shown = m.text.length > MAX_TIP_TEXT ? `${m.text.slice(0, MAX_TIP_TEXT)}…` : m.text;
        text = `${t(m.kind === "output" ? "swimlane.tip.printed" : "swimlane.tip.warning", { who })}\n${shown}`;
      }
    } else {
      const hit = inside ? hitTest(d.rects, x, y) : undefined;
      const span = hit === undefined ? undefined : d.rows[hit.row]?.[hit.index];
      if (hit !== undefined && span !== undefined) {
        const lane = hit.row === 0 ? undefined : d.laneRows[hit.row - 1]?.lane;
        const owner = lane === undefined ? { name: t("swimlane.loop") } : { name: lane.name, coro: lane.coro, createdLine: lane.createdLine };
        // The last segment of a lane that has not ended goes on: a sleep there is not cut short.
        const live = isOngoing(lane, d.rows[hit.row]!, hit.index);
        text = tooltipText(owner, { ...(span as TooltipSpan), live }, d.nameOf, words, hit.merged ?? 1);
      }
    }
    if (text === undefined) {
      tooltip.hidden = true;
      return;
    }
    tooltip.textContent = text;
    tooltip.style.left = `${Math.min(event.clientX + 14, window.innerWidth - 370)}px`;
    tooltip.style.top = `${event.clientY + 14}px`;
    tooltip.hidden = false;
  };

  const handleClick = (event: MouseEvent<HTMLDivElement>) => {
    if (onSelectTask === undefined) return;
    const origin = event.target instanceof Element ? event.target : null;
    if (origin?.closest(".swimlane-header, button") != null) return;
    const labelRow = origin?.closest<HTMLElement>("[data-row]")?.dataset.row;
    const row = labelRow !== undefined ? Number(labelRow) : rowAtClientY(event.clientY);
    const lane = row === undefined || row === 0 ? undefined : drawn.current.laneRows[row - 1]?.lane;
    onSelectTask(lane === undefined || lane.id === selectedTaskId ? undefined : lane.id);
  };

  return { handlePointerMove, handleClick, hideTooltip };
}
