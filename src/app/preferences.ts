/**
 * The person's language and theme: read at page open (saved choice, else the browser's language
 * and the system theme), saved when changed, and applied to `<html>` (`lang`, `data-theme`).
 */
import { detectLocale } from "../features/i18n";
import type { StoragePort } from "../features/autosave";
import { isLocale, isThemeChoice, type AppStore, type Locale, type ThemeChoice } from "../store";

const PREFS_KEY = "taskline.prefs.v1";

interface SavedPrefs {
  readonly locale?: Locale;
  readonly theme?: ThemeChoice;
}

export function readPrefs(storage: StoragePort | undefined): SavedPrefs {
  try {
    const value: unknown = JSON.parse(storage?.getItem(PREFS_KEY) ?? "{}");
    if (typeof value !== "object" || value === null) return {};
    const { locale, theme } = value as Record<string, unknown>;
    return { locale: isLocale(locale) ? locale : undefined, theme: isThemeChoice(theme) ? theme : undefined };
  } catch {
    return {};
  }
}

/** Applies the saved (or detected) preferences, and keeps `<html>` and storage in step with changes. */
export function startPreferences(store: AppStore, storage: StoragePort | undefined, languages: readonly string[]): void {
  const saved = readPrefs(storage);
  store.getState().setLocale(saved.locale ?? detectLocale(languages));
  store.getState().setThemeChoice(saved.theme ?? "system");
  const apply = () => {
    const { locale, themeChoice } = store.getState();
    document.documentElement.lang = locale;
    if (themeChoice === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = themeChoice;
  };
  apply();
  store.subscribe((s, prev) => {
    if (s.locale === prev.locale && s.themeChoice === prev.themeChoice) return;
    apply();
    try {
      storage?.setItem(PREFS_KEY, JSON.stringify({ locale: s.locale, theme: s.themeChoice }));
    } catch {
      // Not remembered across reloads; the choice still holds for this page.
    }
  });
}
