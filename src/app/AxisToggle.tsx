import { selectAxis, selectSetAxis, useAppStore, type Axis } from "../store";

const OPTIONS: readonly { readonly axis: Axis; readonly label: string; readonly title: string }[] = [
  { axis: "time", label: "Time", title: "x-axis in virtual seconds" },
  { axis: "steps", label: "Steps", title: "x-axis in scheduling steps: one column per step, so zero-time interleaving is visible" },
];

/** Switches the swimlane's x-axis between virtual time and steps. */
export function AxisToggle() {
  const axis = useAppStore(selectAxis);
  const setAxis = useAppStore(selectSetAxis);
  return (
    <div className="segmented" role="group" aria-label="Swimlane x-axis">
      {OPTIONS.map((option) => (
        <button
          key={option.axis}
          type="button"
          className="segmented__option"
          aria-pressed={axis === option.axis}
          title={option.title}
          data-testid={`axis-${option.axis}`}
          onClick={() => setAxis(option.axis)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
