export type { AppState } from "./appState";
export { createAppStore, type AppStore } from "./createAppStore";
export { DEFAULT_SOURCE } from "./defaultSource";
export type { EditorSlice } from "./editorSlice";
export {
  AUTO_REPLAY_S,
  PLAYBACK_SPEEDS,
  eventIndexOf,
  playbackRate,
  selectCursorVt,
  selectIsFollowingLive,
  selectIsPlaying,
  selectPlacedCursorVt,
  selectPlaybackSpeed,
  type PlaybackSlice,
  type PlaybackSpeed,
} from "./playbackSlice";
export type { RunnerPort } from "./ports";
export type { PageStop, RunSlice, RunStatus, RunStatusKind, RuntimeStatus } from "./runSlice";
export { USER_STOP_MESSAGE } from "./runSlice";
export * from "./selectors";
export { StoreProvider } from "./StoreProvider";
export type { TraceSlice } from "./traceSlice";
export { useAppStore, useAppStoreApi, useShallow } from "./useAppStore";
export type { Axis, ViewSlice } from "./viewSlice";
export * from "./draftSlice";
export * from "./prefsSlice";
