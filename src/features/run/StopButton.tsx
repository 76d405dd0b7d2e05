import { selectIsRunning, selectStopRun, useAppStore } from "../../store";

/** Stops the running program at once (the Python runtime restarts). */
export function StopButton() {
  const isRunning = useAppStore(selectIsRunning);
  const stopRun = useAppStore(selectStopRun);
  return (
    <button type="button" className="button" data-testid="stop" disabled={!isRunning} title="Stop the running program" onClick={stopRun}>
      <span className="button__icon" aria-hidden="true">
        ■
      </span>
      Stop
    </button>
  );
}
