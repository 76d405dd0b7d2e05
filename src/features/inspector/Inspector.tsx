import { useMemo } from "react";
import { awaitChainAt, timeByState } from "../../model/inspect";
import { formatDuration, formatVirtualTime } from "../../model/timeFormat";
import type { Lane } from "../../model/types";
import { selectCursorVt, selectSelectedTask, selectTrace, selectTraceVersion, useAppStore } from "../../store";
import { TracebackView } from "./TracebackView";

function nameOf(lanes: readonly Lane[], id: number | undefined): string {
  if (id === undefined || id === 0) return "code outside any task";
  return lanes.find((lane) => lane.id === id)?.name ?? `#${id}`;
}

/** Everything about the selected task: origin, where its time went, what it awaits, how it ended. */
export function Inspector() {
  const trace = useAppStore(selectTrace);
  const version = useAppStore(selectTraceVersion);
  const lane = useAppStore(selectSelectedTask);
  const cursor = useAppStore(selectCursorVt);
  const lanes = useMemo(() => (version >= 0 ? trace.lanes() : []), [trace, version]);

  if (lane === undefined) {
    return (
      <section className="inspector" data-testid="inspector" aria-label="Inspector">
        <p className="inspector__empty">Select a task on the timeline or click a console line to inspect it.</p>
      </section>
    );
  }
  const end = lane.end;
  return (
    <section className="inspector" data-testid="inspector" aria-label={`Inspector: ${lane.name}`}>
      <h3 className="inspector__title">
        {lane.name} <span className="inspector__coro">{lane.coro}</span>
      </h3>
      <dl className="inspector__facts">
        <dt>Created</dt>
        <dd>
          by {nameOf(lanes, lane.parent)} at {formatVirtualTime(lane.createdAt)}
          {lane.createdLine > 0 && ` (line ${lane.createdLine})`}
        </dd>
        <dt>State</dt>
        <dd>{lane.finalState === "pending" ? "still running at the end of the trace" : lane.finalState}</dd>
        {lane.cancelledBy !== undefined && (
          <>
            <dt>Cancelled by</dt>
            <dd data-testid="inspector-cancelled-by">{nameOf(lanes, lane.cancelledBy)}</dd>
          </>
        )}
        {end?.result !== undefined && (
          <>
            <dt>Result</dt>
            <dd className="inspector__mono">{end.result}</dd>
          </>
        )}
        {end?.excType !== undefined && lane.finalState === "failed" && (
          <>
            <dt>Exception</dt>
            <dd className="inspector__mono">
              {end.excType}
              {end.excMessage ? `: ${end.excMessage}` : ""}
            </dd>
          </>
        )}
      </dl>
      <h4 className="inspector__heading">At the cursor</h4>
      <ol className="inspector__chain">
        {awaitChainAt(lanes, lane, cursor).map((link, i) => (
          <li key={i}>{link}</li>
        ))}
      </ol>
      <h4 className="inspector__heading">Where its time went</h4>
      <table className="inspector__times">
        <tbody>
          {timeByState(lane).map(({ label, seconds }) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{formatDuration(seconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {end?.traceback !== undefined && end.traceback !== "" && <TracebackView text={end.traceback} />}
    </section>
  );
}
