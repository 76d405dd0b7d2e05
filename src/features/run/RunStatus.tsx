import { selectStatusInputs, useAppStore, useShallow } from "../../store";
import { useT } from "../i18n";
import { describeStatus } from "./statusView";

/** The one-line run status; its `data-state` / `data-reason` are a public contract (DESIGN.md §5). */
export function RunStatus() {
  const { runtime, runStatus, totals } = useAppStore(useShallow(selectStatusInputs));
  const t = useT();
  const view = describeStatus(runtime, runStatus, totals, t);
  return (
    <div className="run-status" role="status" data-testid="run-status" data-state={view.state} data-reason={view.reason}>
      <span className="run-status__dot" aria-hidden="true" />
      <span className="run-status__text" title={view.text}>
        {view.text}
      </span>
    </div>
  );
}
