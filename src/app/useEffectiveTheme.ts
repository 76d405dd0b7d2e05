/** The colour theme in force: the person's choice, or the system's when they chose "system". */
import { useSyncExternalStore } from "react";
import { selectThemeChoice, useAppStore } from "../store";

const DARK_QUERY = "(prefers-color-scheme: dark)";

function subscribe(onChange: () => void): () => void {
  if (typeof matchMedia !== "function") return () => undefined;
  const list = matchMedia(DARK_QUERY);
  list.addEventListener("change", onChange);
  return () => list.removeEventListener("change", onChange);
}

const systemIsDark = () => typeof matchMedia === "function" && matchMedia(DARK_QUERY).matches;

export function useEffectiveTheme(): "light" | "dark" {
  const choice = useAppStore(selectThemeChoice);
  const dark = useSyncExternalStore(subscribe, systemIsDark, () => false);
  return choice === "system" ? (dark ? "dark" : "light") : choice;
}
