import { selectCanRun, selectRunBlockedReason, selectStartRun, useAppStore } from "../../store";
import { runShortcutLabel } from "./shortcut";

/** Runs the program; disabled, with the reason as its tooltip, until the runtime can take it. */
export function RunButton() {
  const canRun = useAppStore(selectCanRun);
  const blockedReason = useAppStore(selectRunBlockedReason);
  const startRun = useAppStore(selectStartRun);
  return (
    <button
      type="button"
      className="button button--primary"
      data-testid="run"
      disabled={!canRun}
      title={blockedReason ?? `Run the program (${runShortcutLabel()})`}
      onClick={() => startRun()}
    >
      <span className="button__icon" aria-hidden="true">
        ▶
      </span>
      Run
    </button>
  );
}
