import type { ChangeEvent } from "react";
import { useT } from "../features/i18n";
import { isThemeChoice, selectSetThemeChoice, selectThemeChoice, useAppStore } from "../store";

/** Light, dark, or following the system. */
export function ThemeSelect() {
  const t = useT();
  const choice = useAppStore(selectThemeChoice);
  const setChoice = useAppStore(selectSetThemeChoice);
  const handleChange = (event: ChangeEvent<HTMLSelectElement>) => {
    if (isThemeChoice(event.target.value)) setChoice(event.target.value);
  };
  return (
    <select className="field__control field__control--small" aria-label={t("theme.label")} title={t("theme.label")} value={choice} onChange={handleChange} data-testid="theme">
      <option value="system">◐ {t("theme.system")}</option>
      <option value="light">☀ {t("theme.light")}</option>
      <option value="dark">☾ {t("theme.dark")}</option>
    </select>
  );
}
