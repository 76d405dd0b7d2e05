export { Swimlane, type SwimlaneProps } from "./Swimlane";
export { Legend, type LegendProps } from "./Legend";
export { LEGEND_STATES, paletteFor, type Palette } from "./palette";
export { segmentLabel } from "./segmentLabel";
export type { Axis } from "./geometry";
export type { Theme } from "./palette";
