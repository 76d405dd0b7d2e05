/**
 * The person's display preferences: language and colour theme. `app/` reads their initial values
 * (browser language, saved choice) and persists changes; the slice itself has no side effects.
 */
import type { StateCreator } from "zustand/vanilla";
import type { AppState } from "./appState";

/** The UI languages. `data-*` contract values never change with it. */
export type Locale = "en" | "zh-CN";
export const LOCALES: readonly Locale[] = ["en", "zh-CN"];
export const isLocale = (value: unknown): value is Locale => value === "en" || value === "zh-CN";

/** `system` follows `prefers-color-scheme`. */
export type ThemeChoice = "system" | "light" | "dark";
export const isThemeChoice = (value: unknown): value is ThemeChoice => value === "system" || value === "light" || value === "dark";

export interface PrefsSlice {
  readonly locale: Locale;
  readonly themeChoice: ThemeChoice;
  setLocale: (locale: Locale) => void;
  setThemeChoice: (theme: ThemeChoice) => void;
}

export const createPrefsSlice: StateCreator<AppState, [], [], PrefsSlice> = (set) => ({
  locale: "en",
  themeChoice: "system",
  setLocale: (locale) => set({ locale }),
  setThemeChoice: (themeChoice) => set({ themeChoice }),
});

export const selectLocale = (s: AppState) => s.locale;
export const selectSetLocale = (s: AppState) => s.setLocale;
export const selectThemeChoice = (s: AppState) => s.themeChoice;
export const selectSetThemeChoice = (s: AppState) => s.setThemeChoice;
