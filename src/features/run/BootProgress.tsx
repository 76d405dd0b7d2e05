import { selectRuntime, useAppStore } from "../../store";

/** A thin progress bar while the Python runtime (re)loads; nothing once it is ready. */
export function BootProgress() {
  const runtime = useAppStore(selectRuntime);
  if (runtime.kind !== "booting") return null;
  return (
    <div className="boot-progress" title={runtime.stage}>
      <progress className="boot-progress__bar" max={1} value={runtime.fraction} aria-label={`Loading Python runtime: ${runtime.stage}`} />
    </div>
  );
}
