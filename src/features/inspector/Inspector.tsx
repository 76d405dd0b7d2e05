import { awaitChainAt, timeByState, type LaneLookup } from "../../model/inspect";
import { formatDuration, formatVirtualTime } from "../../model/timeFormat";
import { selectInspectorInputs, selectIsTraceLive, selectTrace, useAppStore, useShallow } from "../../store";
import { useT } from "../i18n";
import { taskId } from "../../model/types";
import { TracebackView } from "./TracebackView";
import { useThrottled } from "./useThrottled";

function nameOf(lanes: LaneLookup, id: number | undefined, outside: string): string {
  if (id === undefined || id === 0) return outside;
  return lanes(taskId(id))?.name ?? `#${id}`;
}

/** Everything about the selected task: origin, where its time went, what it awaits, how it ended. */
export function Inspector() {
  const trace = useAppStore(selectTrace);
  const live = useAppStore(selectIsTraceLive);
  // While the run streams in or plays, refresh a few times a second rather than per batch or frame.
  const { lane, cursor } = useThrottled(useAppStore(useShallow(selectInspectorInputs)), live);
  const lanes: LaneLookup = (id) => trace.laneOf(id);
  const t = useT();

  if (lane === undefined) {
    return (
      <section className="inspector" data-testid="inspector" aria-label="Inspector">
        <p className="inspector__empty">{t("inspector.empty")}</p>
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
        <dt>{t("inspector.created")}</dt>
        <dd>
          {t("inspector.createdBy", { who: nameOf(lanes, lane.parent, t("inspector.outside")), time: formatVirtualTime(lane.createdAt) })}
          {lane.createdLine > 0 && ` (line ${lane.createdLine})`}
        </dd>
        <dt>{t("inspector.state")}</dt>
        <dd>{lane.finalState === "pending" ? t("inspector.pending") : lane.finalState}</dd>
        {lane.cancelledBy !== undefined && (
          <>
            <dt>{t("inspector.cancelledBy")}</dt>
            <dd data-testid="inspector-cancelled-by">{nameOf(lanes, lane.cancelledBy, t("inspector.outside"))}</dd>
          </>
        )}
        {end?.result !== undefined && (
          <>
            <dt>{t("inspector.result")}</dt>
            <dd className="inspector__mono">{end.result}</dd>
          </>
        )}
        {end?.excType !== undefined && lane.finalState === "failed" && (
          <>
            <dt>{t("inspector.exception")}</dt>
            <dd className="inspector__mono">
              {end.excType}
              {end.excMessage ? `: ${end.excMessage}` : ""}
            </dd>
          </>
        )}
      </dl>
      <h4 className="inspector__heading">{t("inspector.atCursor")}</h4>
      <ol className="inspector__chain">
        {awaitChainAt(lanes, lane, cursor).map((link, i) => (
          <li key={i}>{link}</li>
        ))}
      </ol>
      <h4 className="inspector__heading">{t("inspector.timeWent")}</h4>
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
