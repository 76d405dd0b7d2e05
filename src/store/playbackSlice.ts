/**
 * Playback: the run executes as fast as it can; the page replays it with a time cursor. The cursor
 * is a point on the program's clock (virtual seconds); `undefined` means "follow the live end".
 */
import type { StateCreator } from "zustand/vanilla";
import { EventIndex } from "../model/timeline";
import type { TraceStore } from "../model/traceStore";
import type { AppState } from "./appState";

/** Replay speed: virtual seconds per real second, or "auto" (see `playbackRate`). */
export type PlaybackSpeed = "auto" | 0.25 | 0.5 | 1 | 2 | 5 | 10;
export const PLAYBACK_SPEEDS: readonly PlaybackSpeed[] = ["auto", 0.25, 0.5, 1, 2, 5, 10];

/** Auto speed plays a run of up to this many virtual seconds in real time, longer ones in this long. */
export const AUTO_REPLAY_S = 10;

export interface PlaybackSlice {
  /** Cursor in virtual seconds; undefined while following the live end of the run. */
  readonly cursorVt: number | undefined;
  readonly isPlaying: boolean;
  readonly speed: PlaybackSpeed;
  /** Moves the cursor (scrubbing, clicking a console line); pauses playback. */
  setCursor: (vt: number) => void;
  togglePlay: () => void;
  pause: () => void;
  setSpeed: (speed: PlaybackSpeed) => void;
  /** Keeps the cursor at the end while the run streams in. */
  followLive: () => void;
  stepForward: () => void;
  stepBack: () => void;
  jumpToStart: () => void;
  jumpToEnd: () => void;
  /**
   * A moment to show after the next run instead of replaying it (a link's `&t=`): the cursor waits
   * there, paused. Cleared once used.
   */
  readonly pendingCursorVt: number | undefined;
  setPendingCursor: (vt: number | undefined) => void;
  /** Advances a playing cursor by `elapsedMs` of real time (called once per animation frame). */
  tick: (elapsedMs: number) => void;
}

/** Virtual seconds per real second at `speed`, for a run that currently ends at `endS`. */
export function playbackRate(speed: PlaybackSpeed, endS: number, isRunFinished: boolean): number {
  if (speed !== "auto") return speed;
  return isRunFinished && endS > AUTO_REPLAY_S ? endS / AUTO_REPLAY_S : 1;
}

const indexes = new WeakMap<TraceStore, { readonly version: number; readonly index: EventIndex }>();

/** The trace's event index, built once per trace version. */
export function eventIndexOf(trace: TraceStore): EventIndex {
  const cached = indexes.get(trace);
  if (cached !== undefined && cached.version === trace.version) return cached.index;
  const index = new EventIndex(trace.lanes());
  indexes.set(trace, { version: trace.version, index });
  return index;
}

const isFinished = (s: AppState) => s.runStatus.kind !== "running" && s.runStatus.kind !== "idle";

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set, get) => {
  const cursorNow = () => selectCursorVt(get());
  const moveTo = (vt: number | undefined) => {
    if (vt !== undefined) set({ cursorVt: Math.max(0, Math.min(vt, get().trace.endTime)), isPlaying: false });
  };
  return {
    cursorVt: undefined,
    isPlaying: false,
    speed: "auto",
    pendingCursorVt: undefined,
    setPendingCursor: (pendingCursorVt) => set({ pendingCursorVt }),
    setCursor: (vt) => moveTo(vt),
    togglePlay: () => {
      const s = get();
      if (s.isPlaying) return set({ isPlaying: false });
      // Playing from the end starts over, like a video player.
      const atEnd = s.cursorVt === undefined || s.cursorVt >= s.trace.endTime;
      set({ isPlaying: true, cursorVt: atEnd && isFinished(s) ? 0 : (s.cursorVt ?? 0) });
    },
    pause: () => set({ isPlaying: false }),
    setSpeed: (speed) => set({ speed }),
    followLive: () => set({ cursorVt: undefined, isPlaying: false }),
    stepForward: () => moveTo(eventIndexOf(get().trace).next(cursorNow())),
    stepBack: () => moveTo(eventIndexOf(get().trace).previous(cursorNow())),
    jumpToStart: () => moveTo(0),
    jumpToEnd: () => moveTo(get().trace.endTime),
    tick: (elapsedMs) => {
      const s = get();
      if (!s.isPlaying || s.cursorVt === undefined) return;
      const end = s.trace.endTime;
      const finished = isFinished(s);
      const next = s.cursorVt + (elapsedMs / 1000) * playbackRate(s.speed, end, finished);
      if (next < end) return set({ cursorVt: next });
      // At the end: waiting there for a live run to grow is no change, and no update (every view
      // of the cursor would be asked again, every frame).
      if (s.cursorVt !== end || s.isPlaying !== !finished) set({ cursorVt: end, isPlaying: !finished });
    },
  };
};

/**
 * Where the cursor is, in virtual seconds (the live end while following). Never after the run's
 * end: a link's `&t=` waits for a moment the run may not reach (a shorter program, or a realistic
 * clock that ends a little earlier than the sharer's did), and then the cursor stands at the end.
 */
export const selectCursorVt = (s: AppState): number => (s.cursorVt === undefined ? s.trace.endTime : Math.min(s.cursorVt, s.trace.endTime));

/** The moment the cursor stands at, or undefined while following the live end (for a link's `&t=`). */
export const selectPlacedCursorVt = (s: AppState): number | undefined => (s.cursorVt === undefined ? undefined : selectCursorVt(s));
export const selectIsPlaying = (s: AppState) => s.isPlaying;
export const selectPlaybackSpeed = (s: AppState) => s.speed;
export const selectIsFollowingLive = (s: AppState) => s.cursorVt === undefined;
