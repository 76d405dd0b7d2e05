import { memo } from "react";
import type { TaskId } from "../../model/types";
import { LABEL_PX, ROW_PX } from "./dimensions";
import { LaneLabel } from "./LaneLabel";
import type { LaneRow } from "./laneTree";
import { useSwimlaneWords } from "./useSwimlaneWords";

/** Labels rendered above and below the viewport when virtualised. */
const OVERSCAN_ROWS = 20;

export interface LaneLabelsProps {
  /** Task rows in drawn order (row i + 1; row 0 is the loop lane). */
  readonly rows: readonly LaneRow[];
  /** Height of every lane together, loop lane included (CSS px). */
  readonly contentHeightPx: number;
  /** Only the labels near the viewport are rendered. */
  readonly isVirtualised: boolean;
  /** The lanes' scroll offset and viewport height (CSS px), for the virtualised window. */
  readonly scrollTopPx: number;
  readonly viewportHeightPx: number;
  readonly selectedTaskId: TaskId | undefined;
  readonly onToggleCollapsed: (row: LaneRow) => void;
}

/**
 * The DOM label column left of the canvas: the event loop's label, then one `LaneLabel` per task
 * row, positioned on the same rows the canvas paints (where screen readers and tests find them).
 * Memoised: a render that only moves the playback cursor (every frame of playback) leaves it alone.
 */
export const LaneLabels = memo(function LaneLabels({ rows, contentHeightPx, isVirtualised, scrollTopPx, viewportHeightPx, selectedTaskId, onToggleCollapsed }: LaneLabelsProps) {
  const { t } = useSwimlaneWords();
  const [firstLabel, lastLabel] = isVirtualised
    ? [Math.max(0, Math.floor(scrollTopPx / ROW_PX) - OVERSCAN_ROWS), Math.ceil((scrollTopPx + viewportHeightPx) / ROW_PX) + OVERSCAN_ROWS]
    : [0, rows.length];
  const shownRows = isVirtualised ? rows.slice(Math.max(0, firstLabel - 1), Math.max(0, lastLabel)) : rows;
  const shownOffset = isVirtualised ? Math.max(0, firstLabel - 1) : 0;

  return (
    <div className="swimlane-labels" style={{ width: LABEL_PX, height: contentHeightPx }}>
      <div
        className="swimlane-label swimlane-label-loop"
        data-testid="loop-lane"
        data-row={0}
        title={t("swimlane.loop.title")}
        style={{ top: 0, height: ROW_PX, lineHeight: `${ROW_PX}px` }}
      >
        {t("swimlane.loop")}
      </div>
      {shownRows.map((row, i) => (
        <LaneLabel
          key={row.lane.id}
          row={row}
          index={shownOffset + i + 1}
          rowPx={ROW_PX}
          isSelected={row.lane.id === selectedTaskId}
          onToggleCollapsed={onToggleCollapsed}
        />
      ))}
    </div>
  );
});
