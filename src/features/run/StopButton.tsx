import { selectCanStop, selectStopRun, useAppStore } from "../../store";
import { useT } from "../i18n";

/** Stops the running program at once (the Python runtime restarts), or cancels a starting one. */
export function StopButton() {
  const isRunning = useAppStore(selectCanStop);
  const stopRun = useAppStore(selectStopRun);
  const t = useT();
  return (
    <button type="button" className="button" data-testid="stop" disabled={!isRunning} title={t("stop.title")} onClick={stopRun}>
      <span className="button__icon" aria-hidden="true">
        ■
      </span>
      {t("stop.label")}
    </button>
  );
}
