/**
 * The swimlane's fixed sizes, shared by the component, its painter, its input hooks and its label
 * column, so a lane drawn on the canvas and its DOM label always line up.
 */

/** Height of one lane (CSS px). */
export const ROW_PX = 24;
/** Width of the label column (CSS px). */
export const LABEL_PX = 200;
/** Height of the axis above the lanes (CSS px). */
export const AXIS_PX = 28;
/** Past this many lanes only the labels near the viewport are in the DOM (virtualisation). */
export const VIRTUALISE_AFTER_LANES = 500;
