import { LEGEND_STATES, paletteFor, type Theme } from "./palette";
import { useSwimlaneWords } from "./useSwimlaneWords";
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
  const words = useSwimlaneWords();
  return (
    <ul className="swimlane-legend" aria-label={words.t("swimlane.legend")} data-testid="legend">
      {LEGEND_STATES.map((state) => (
        <li key={state} data-state={state}>
          <span className="swimlane-swatch" style={{ background: palette.fill[state] }} aria-hidden="true" />
          {words.state(state)}
        </li>
      ))}
    </ul>
  );
}
