/**
 * Swimlane colours per state, for a light and a dark page. Based on the Okabe–Ito palette, which
 * stays distinguishable under the common colour-vision deficiencies; neighbouring states also
 * differ in lightness (running dark, waiting pale), so they read apart in grey too.
 */
import type { MarkKind, RelationKind } from "../../model/relations";
import type { MessageKey } from "../i18n";
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

/** The states the legend explains, in reading order (names from i18n: see words.ts). */
export const LEGEND_STATES: readonly DrawState[] = ["ready", "running", "waiting", "blocked", "done", "failed", "cancelled", "idle"];

/** The relation kinds the toggles offer, with the message keys of their names and of what each arrow means. */
export const RELATION_ENTRIES: readonly { readonly kind: RelationKind; readonly label: MessageKey; readonly title: MessageKey }[] = [
  { kind: "create", label: "swimlane.relation.create", title: "swimlane.relation.create.title" },
  { kind: "await", label: "swimlane.relation.await", title: "swimlane.relation.await.title" },
  { kind: "wake", label: "swimlane.relation.wake", title: "swimlane.relation.wake.title" },
  { kind: "cancel", label: "swimlane.relation.cancel", title: "swimlane.relation.cancel.title" },
  { kind: "exception", label: "swimlane.relation.exception", title: "swimlane.relation.exception.title" },
];
