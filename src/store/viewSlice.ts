/** How the run is displayed; nothing here changes what runs. */
import type { StateCreator } from "zustand/vanilla";
import type { TaskId } from "../model/types";
import type { AppState } from "./appState";

/** The swimlane's x-axis: virtual seconds, or one column per scheduling step. */
export type Axis = "time" | "steps";

export interface ViewSlice {
  readonly axis: Axis;
  setAxis: (axis: Axis) => void;
  /** The task picked on the swimlane (shared with the inspector/editor); undefined = none. Ids are per run. */
  readonly selectedTaskId: TaskId | undefined;
  /** Selects a task, or clears the selection with undefined. */
  selectTask: (id: TaskId | undefined) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  axis: "time",
  setAxis: (axis) => set({ axis }),
  selectedTaskId: undefined,
  selectTask: (selectedTaskId) => set({ selectedTaskId }),
});
