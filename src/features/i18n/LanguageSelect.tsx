import type { ChangeEvent } from "react";
import { isLocale, LOCALES, selectLocale, selectSetLocale, useAppStore } from "../../store";
import { LOCALE_NAMES } from "./translate";
import { useT } from "./useT";

/** Switches the UI language (remembered by the page). */
export function LanguageSelect() {
  const t = useT();
  const locale = useAppStore(selectLocale);
  const setLocale = useAppStore(selectSetLocale);
  const handleChange = (event: ChangeEvent<HTMLSelectElement>) => {
    if (isLocale(event.target.value)) setLocale(event.target.value);
  };
  return (
    <select className="field__control field__control--small" aria-label={t("language.label")} title={t("language.label")} value={locale} onChange={handleChange} data-testid="language">
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LOCALE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}
