import type { ChangeEvent } from "react";
import type { ClockMode } from "../../protocol/messages";
import { selectClockMode, selectSetClockMode, useAppStore } from "../../store";
import { useT } from "../i18n";


const isClockMode = (value: string): value is ClockMode => value === "realistic" || value === "ideal";

/** Chooses how the virtual clock counts computation for the next run. */
export function ClockModeSelect() {
  const clockMode = useAppStore(selectClockMode);
  const setClockMode = useAppStore(selectSetClockMode);
  const t = useT();
  const EXPLANATIONS: Record<ClockMode, string> = { realistic: t("clock.realistic.explain"), ideal: t("clock.ideal.explain") };
  const handleChange = (event: ChangeEvent<HTMLSelectElement>) => {
    if (isClockMode(event.target.value)) setClockMode(event.target.value);
  };
  return (
    <label className="field" title={EXPLANATIONS[clockMode]}>
      <span className="field__label">{t("clock.label")}</span>
      <select className="field__control" value={clockMode} onChange={handleChange} data-testid="clock-mode">
        <option value="realistic" title={EXPLANATIONS.realistic}>
          {t("clock.realistic")}
        </option>
        <option value="ideal" title={EXPLANATIONS.ideal}>
          {t("clock.ideal")}
        </option>
      </select>
    </label>
  );
}
