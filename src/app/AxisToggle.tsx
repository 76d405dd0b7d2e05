import { useT, type MessageKey } from "../features/i18n";
import { selectAxis, selectSetAxis, useAppStore, type Axis } from "../store";

const OPTIONS: readonly { readonly axis: Axis; readonly label: MessageKey; readonly title: MessageKey }[] = [
  { axis: "time", label: "axis.time", title: "axis.time.title" },
  { axis: "steps", label: "axis.steps", title: "axis.steps.title" },
];

/** Switches the swimlane's x-axis between virtual time and steps. */
export function AxisToggle() {
  const axis = useAppStore(selectAxis);
  const setAxis = useAppStore(selectSetAxis);
  const t = useT();
  return (
    <div className="segmented" role="group" aria-label={t("axis.group")}>
      {OPTIONS.map((option) => (
        <button
          key={option.axis}
          type="button"
          className="segmented__option"
          aria-pressed={axis === option.axis}
          title={t(option.title)}
          data-testid={`axis-${option.axis}`}
          onClick={() => setAxis(option.axis)}
        >
          {t(option.label)}
        </button>
      ))}
    </div>
  );
}
