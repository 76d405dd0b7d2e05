/** One store per page load (and per test), built from the slices; side effects come in as ports. */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { AppState } from "./appState";
import { createDraftSlice } from "./draftSlice";
import { createEditorSlice } from "./editorSlice";
import { createPrefsSlice } from "./prefsSlice";
import { createPlaybackSlice } from "./playbackSlice";
import type { RunnerPort } from "./ports";
import { createRunSlice } from "./runSlice";
import { createTraceSlice } from "./traceSlice";
import { createViewSlice } from "./viewSlice";

export type AppStore = StoreApi<AppState>;

export function createAppStore(deps: { readonly runner: RunnerPort }): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createEditorSlice(...a),
    ...createRunSlice(deps.runner)(...a),
    ...createTraceSlice(...a),
    ...createViewSlice(...a),
    ...createDraftSlice(...a),
    ...createPrefsSlice(...a),
    ...createPlaybackSlice(...a),
  }));
}
