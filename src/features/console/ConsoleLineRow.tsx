import { memo } from "react";
import type { ConsoleLine } from "../../model/types";

/**
 * One printed line. The `console-line` element holds exactly the line's text (public contract,
 * DESIGN.md §5); the time and task gutter sits beside it so it is not part of that text.
 */
export const ConsoleLineRow = memo(function ConsoleLineRow({
  line,
  isFuture,
  onSelect,
}: {
  readonly line: ConsoleLine;
  /** Printed after the playback cursor: shown dimmed, not hidden. */
  readonly isFuture: boolean;
  /** Moves the cursor to this line's moment. */
  readonly onSelect: (line: ConsoleLine) => void;
}) {
  const vt = String(line.vt);
  return (
    <div className={`console-row console-row--${line.stream}${isFuture ? " console-row--future" : ""}`} onClick={() => onSelect(line)}>
      <span className="console-row__gutter" aria-hidden="true" title={`t = ${vt} s, ${line.task || "main program"}`}>
        <span className="console-row__vt">{formatGutterTime(line.vt)}</span>
        <span className="console-row__task">{line.task}</span>
      </span>
      <span className="console-row__text" data-testid="console-line" data-stream={line.stream} data-vt={vt} data-task={line.task}>
        {line.text}
      </span>
    </div>
  );
});

/** Fixed-width seconds for the gutter: "0.000", "12.500", "3600.0". */
function formatGutterTime(seconds: number): string {
  return seconds < 1000 ? seconds.toFixed(3) : seconds.toFixed(1);
}
