import type { ChangeEvent } from "react";
import type { ClockMode } from "../../protocol/messages";
import { selectClockMode, selectSetClockMode, useAppStore } from "../../store";

const EXPLANATIONS: Record<ClockMode, string> = {
  realistic: "Realistic clock: computation takes the CPU time it really took, so a busy coroutine visibly delays the others.",
  ideal: "Ideal clock: computation takes no time; only sleeps and timeouts move the clock. Every run gives the same trace.",
};

const isClockMode = (value: string): value is ClockMode => value === "realistic" || value === "ideal";

/** Chooses how the virtual clock counts computation for the next run. */
export function ClockModeSelect() {
  const clockMode = useAppStore(selectClockMode);
  const setClockMode = useAppStore(selectSetClockMode);
  const handleChange = (event: ChangeEvent<HTMLSelectElement>) => {
    if (isClockMode(event.target.value)) setClockMode(event.target.value);
  };
  return (
    <label className="field" title={EXPLANATIONS[clockMode]}>
      <span className="field__label">Clock</span>
      <select className="field__control" value={clockMode} onChange={handleChange} data-testid="clock-mode">
        <option value="realistic" title={EXPLANATIONS.realistic}>
          Realistic
        </option>
        <option value="ideal" title={EXPLANATIONS.ideal}>
          Ideal
        </option>
      </select>
    </label>
  );
}
