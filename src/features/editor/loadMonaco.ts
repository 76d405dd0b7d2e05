/** Loads Monaco once per page, on first use. */
import type { Monaco } from "./monacoSetup";

let loading: Promise<Monaco> | undefined;

export function loadMonaco(): Promise<Monaco> {
  loading ??= import("./monacoSetup").then((m) => m.monaco);
  // A failed chunk load (flaky network) may be retried by the next mount.
  loading.catch(() => (loading = undefined));
  return loading;
}
