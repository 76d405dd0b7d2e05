/** The whole store's shape: the union of its slices (each slice file documents its fields). */
import type { DraftSlice } from "./draftSlice";
import type { EditorSlice } from "./editorSlice";
import type { PrefsSlice } from "./prefsSlice";
import type { PlaybackSlice } from "./playbackSlice";
import type { RunSlice } from "./runSlice";
import type { TraceSlice } from "./traceSlice";
import type { ViewSlice } from "./viewSlice";

export type AppState = EditorSlice & RunSlice & TraceSlice & ViewSlice & PlaybackSlice & DraftSlice & PrefsSlice;
