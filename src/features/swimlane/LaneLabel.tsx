import type { CSSProperties, MouseEvent } from "react";
import type { LaneRow } from "./laneTree";
import { waitingIntervals } from "./laneSummary";
import { useSwimlaneWords } from "./useSwimlaneWords";

/** Indent per nesting level (CSS px), and the deepest level that still indents further. */
const INDENT_PX = 12;
const MAX_INDENT_LEVELS = 8;

export interface LaneLabelProps {
  readonly row: LaneRow;
  /** Drawn row index (1-based; 0 is the loop lane). */
  readonly index: number;
  readonly rowPx: number;
  readonly isSelected: boolean;
  readonly onToggleCollapsed: (row: LaneRow) => void;
}

/**
 * One task lane's label: the task name as text (what tests and screen readers read), its coroutine
 * beside it in a quieter style (CSS generated from `data-coro`, so the text stays the name), a
 * disclosure button when it created tasks, and `data-waiting` (its waiting intervals as JSON).
 */
export function LaneLabel({ row, index, rowPx, isSelected, onToggleCollapsed }: LaneLabelProps) {
  const { lane, depth, descendants, collapsed } = row;
  const style: CSSProperties = {
    top: index * rowPx,
    height: rowPx,
    lineHeight: `${rowPx}px`,
    paddingLeft: 4 + Math.min(depth, MAX_INDENT_LEVELS) * INDENT_PX,
  };
  const { t, state } = useSwimlaneWords();
  const created = lane.createdLine > 0 ? t("swimlane.lane.created", { line: String(lane.createdLine) }) : "";
  const hidden = collapsed ? t(descendants === 1 ? "swimlane.lane.hidden.one" : "swimlane.lane.hidden.many", { n: descendants }) : "";
  const toggleKey = collapsed
    ? descendants === 1 ? "swimlane.lane.show.one" : "swimlane.lane.show.many"
    : descendants === 1 ? "swimlane.lane.hide.one" : "swimlane.lane.hide.many";
  const handleToggle = (event: MouseEvent<HTMLButtonElement>) => {
    event.stopPropagation();
    onToggleCollapsed(row);
  };
  return (
    <div
      className="swimlane-label"
      data-testid="lane"
      data-task={lane.name}
      data-task-id={lane.id}
      data-row={index}
      data-final-state={lane.finalState}
      data-lane-kind={lane.kind}
      data-depth={depth}
      data-coro={lane.coro}
      data-coro-in-name={lane.name.endsWith(`(${lane.coro})`) ? "" : undefined}
      data-hidden-count={collapsed ? descendants : undefined}
      data-waiting={waitingIntervals(lane)}
      data-selected={isSelected ? "true" : undefined}
      aria-current={isSelected ? "true" : undefined}
      title={t("swimlane.lane.title", { name: lane.name, coro: lane.coro, created, state: state(lane.finalState), hidden })}
      style={style}
    >
      {descendants > 0 ? (
        <button
          type="button"
          className="swimlane-disclosure"
          aria-expanded={!collapsed}
          aria-label={t(toggleKey, { n: descendants, name: lane.name })}
          onClick={handleToggle}
          onDoubleClick={(event) => event.stopPropagation()}
        />
      ) : (
        <span className="swimlane-disclosure-spacer" aria-hidden="true" />
      )}
      {lane.name}
    </div>
  );
}
