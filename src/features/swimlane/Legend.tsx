import { LEGEND_ENTRIES, paletteFor, type Theme } from "./palette";
import { useColorScheme } from "./useColorScheme";
import "./Swimlane.css";

export interface LegendProps {
  /** Colours; defaults to the browser's preferred scheme (pass the swimlane's theme if set). */
  readonly theme?: Theme;
}

/** What each swimlane colour means. */
export function Legend({ theme }: LegendProps) {
  const preferred = useColorScheme();
  const palette = paletteFor(theme ?? preferred);
  return (
    <ul className="swimlane-legend" aria-label="Swimlane colours" data-testid="legend">
      {LEGEND_ENTRIES.map((entry) => (
        <li key={entry.state} data-state={entry.state}>
          <span className="swimlane-swatch" style={{ background: palette.fill[entry.state] }} aria-hidden="true" />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}
