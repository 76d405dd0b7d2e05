/**
 * Which console lines to render. Until the console is virtualised, a huge output renders only its
 * tail, so a print loop cannot make the page unusable.
 */

/** Lines rendered at most; the rest are summarised in one note. */
export const MAX_RENDERED_LINES = 5000;

export interface TailWindow<T> {
  /** How many earlier lines are not rendered. */
  readonly hiddenCount: number;
  /** The rendered lines, in order; `hiddenCount + i` is each one's index in the whole output. */
  readonly shown: readonly T[];
}

export function tailWindow<T>(lines: readonly T[], max: number = MAX_RENDERED_LINES): TailWindow<T> {
  if (lines.length <= max) return { hiddenCount: 0, shown: lines };
  return { hiddenCount: lines.length - max, shown: lines.slice(lines.length - max) };
}
