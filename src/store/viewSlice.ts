/** How the run is displayed; nothing here changes what runs. */
import type { StateCreator } from "zustand/vanilla";
import type { AppState } from "./appState";

/** The swimlane's x-axis: virtual seconds, or one column per scheduling step. */
export type Axis = "time" | "steps";

export interface ViewSlice {
  readonly axis: Axis;
  setAxis: (axis: Axis) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  axis: "time",
  setAxis: (axis) => set({ axis }),
});
