import { selectRuntime, useAppStore } from "../../store";
import { useT } from "../i18n";

/** A thin progress bar while the Python runtime (re)loads; nothing once it is ready. */
export function BootProgress() {
  const runtime = useAppStore(selectRuntime);
  const t = useT();
  if (runtime.kind !== "booting") return null;
  return (
    <div className="boot-progress" title={runtime.stage}>
      <progress className="boot-progress__bar" max={1} value={runtime.fraction} aria-label={t("status.bootingAria", { stage: runtime.stage })} />
    </div>
  );
}
