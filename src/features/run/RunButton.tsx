import { selectCanRun, selectHasBooted, selectRunStatus, selectRuntime, selectStartRun, useAppStore } from "../../store";
import { useT } from "../i18n";
import { runShortcutLabel } from "./shortcut";

/**
 * Runs the program; disabled, with the reason as its tooltip, until the first runtime has booted
 * and while a run is starting or running. After the first boot a press while the next fresh
 * interpreter boots is accepted: the run is `starting` and begins when it is ready.
 */
export function RunButton() {
  const canRun = useAppStore(selectCanRun);
  const t = useT();
  const runtime = useAppStore(selectRuntime);
  const hasBooted = useAppStore(selectHasBooted);
  const runKind = useAppStore(selectRunStatus).kind;
  const blockedReason = runKind === "running"
    ? t("run.blocked.running")
    : runKind === "starting"
      ? t("run.blocked.starting")
    : runtime.kind === "booting" && !hasBooted
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
