/**
 * Swimlane colours per state, for a light and a dark page. Based on the Okabe–Ito palette, which
 * stays distinguishable under the common colour-vision deficiencies; neighbouring states also
 * differ in lightness (running dark, waiting pale), so they read apart in grey too.
 */
import type { MarkKind, RelationKind } from "../../model/relations";
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
  /** Arrow colour per relation kind (distinct from every state fill they cross). */
  readonly relation: Readonly<Record<RelationKind, string>>;
  /** Tick colour per lane mark. */
  readonly mark: Readonly<Record<MarkKind, string>>;
  /** Tint behind the selected lane's row. */
  readonly selection: string;
  /** Veils the parts of the overview strip outside the view. */
  readonly veil: string;
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
  relation: { create: "#555555", await: "#7B3FA0", wake: "#0F7B6C", cancel: "#C2185B", exception: "#B3001B" },
  mark: { output: "#1F2328", warning: "#D55E00" },
  selection: "rgba(0, 114, 178, 0.16)",
  veil: "rgba(255, 255, 255, 0.6)",
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
  relation: { create: "#B8BCC4", await: "#C39BE0", wake: "#5FD3BC", cancel: "#FF6FA5", exception: "#FF4D4D" },
  mark: { output: "#F2F3F5", warning: "#FF9F43" },
  selection: "rgba(61, 155, 219, 0.22)",
  veil: "rgba(30, 31, 34, 0.6)",
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

/** The relation kinds the toggles offer, with their display names and what each arrow means. */
export const RELATION_ENTRIES: readonly { readonly kind: RelationKind; readonly label: string; readonly title: string }[] = [
  { kind: "create", label: "creation", title: "creation: from the task that created a task to the new task" },
  { kind: "await", label: "await", title: "await: from a waiting task to the task(s) it awaits (gather fans out)" },
  { kind: "wake", label: "wake-up", title: "wake-up: from the task whose completion, release or put made another task ready" },
  { kind: "cancel", label: "cancellation", title: "cancellation: from the task that called cancel() to the cancelled task" },
  {
    kind: "exception",
    label: "exception",
    title: "exception: from a failed task to the task its exception reached (an await, gather or TaskGroup; siblings a TaskGroup cancelled because of it)",
  },
];
