export { Swimlane, type SwimlaneProps } from "./Swimlane";
export { Legend, type LegendProps } from "./Legend";
export type { Axis } from "./geometry";
export type { Theme } from "./palette";
