/**
 * Swimlane colours per state, for a light and a dark page. Based on the Okabe–Ito palette, which
 * stays distinguishable under the common colour-vision deficiencies; neighbouring states also
 * differ in lightness (running dark, waiting pale), so they read apart in grey too.
 */
import type { DrawState } from "./geometry";

export type Theme = "light" | "dark";

export interface Palette {
  /** Fill per state. */
  readonly fill: Readonly<Record<DrawState, string>>;
  /** Label colour on top of each fill (contrast ≥ 4.5:1 where labels are drawn). */
  readonly text: Readonly<Record<DrawState, string>>;
  readonly background: string;
  /** Text beside the canvas (lane labels, axis). */
  readonly foreground: string;
  /** Every other row is tinted so long rows stay easy to follow. */
  readonly stripe: string;
  /** The line under the loop lane. */
  readonly separator: string;
}

export const LIGHT_PALETTE: Palette = {
  fill: {
    ready: "#F0E442",
    running: "#0072B2",
    waiting: "#B7D9F0",
    blocked: "#E69F00",
    done: "#009E73",
    failed: "#D55E00",
    cancelled: "#CC79A7",
    idle: "#E4E4E4",
  },
  text: {
    ready: "#000000",
    running: "#FFFFFF",
    waiting: "#10324A",
    blocked: "#000000",
    done: "#000000",
    failed: "#000000",
    cancelled: "#000000",
    idle: "#404040",
  },
  background: "#FFFFFF",
  foreground: "#1F2328",
  stripe: "#F6F7F9",
  separator: "#C8CCD2",
};

export const DARK_PALETTE: Palette = {
  fill: {
    ready: "#D8CB3C",
    running: "#3D9BDB",
    waiting: "#2B4D66",
    blocked: "#E69F00",
    done: "#1FB58A",
    failed: "#EE7733",
    cancelled: "#D890BA",
    idle: "#34373C",
  },
  text: {
    ready: "#000000",
    running: "#000000",
    waiting: "#DCEBF7",
    blocked: "#000000",
    done: "#000000",
    failed: "#000000",
    cancelled: "#000000",
    idle: "#C0C0C0",
  },
  background: "#1E1F22",
  foreground: "#E3E5E8",
  stripe: "#25272B",
  separator: "#4A4E55",
};

export function paletteFor(theme: Theme): Palette {
  return theme === "dark" ? DARK_PALETTE : LIGHT_PALETTE;
}

/** The states the legend explains, in reading order, with their display names. */
export const LEGEND_ENTRIES: readonly { readonly state: DrawState; readonly label: string }[] = [
  { state: "ready", label: "ready" },
  { state: "running", label: "running" },
  { state: "waiting", label: "waiting" },
  { state: "blocked", label: "blocking the loop" },
  { state: "done", label: "done" },
  { state: "failed", label: "failed" },
  { state: "cancelled", label: "cancelled" },
  { state: "idle", label: "loop idle" },
];
