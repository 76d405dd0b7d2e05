import { selectCanRun, selectRunStatus, selectRuntime, selectStartRun, useAppStore } from "../../store";
import { useT } from "../i18n";
import { runShortcutLabel } from "./shortcut";

/** Runs the program; disabled, with the reason as its tooltip, until the runtime can take it. */
export function RunButton() {
  const canRun = useAppStore(selectCanRun);
  const t = useT();
  const runtime = useAppStore(selectRuntime);
  const isRunning = useAppStore(selectRunStatus).kind === "running";
  const blockedReason = isRunning
    ? t("run.blocked.running")
    : runtime.kind === "booting"
      ? t("run.blocked.booting")
      : runtime.kind === "bootFailed"
        ? t("run.blocked.bootFailed", { message: runtime.message })
        : undefined;
  const startRun = useAppStore(selectStartRun);
  return (
    <button
      type="button"
      className="button button--primary"
      data-testid="run"
      disabled={!canRun}
      title={blockedReason ?? t("run.title", { shortcut: runShortcutLabel() })}
      onClick={() => startRun()}
    >
      <span className="button__icon" aria-hidden="true">
        ▶
      </span>
      {t("run.label")}
    </button>
  );
}
