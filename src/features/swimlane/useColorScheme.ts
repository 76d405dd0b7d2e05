import { useSyncExternalStore } from "react";
import type { Theme } from "./palette";

const QUERY = "(prefers-color-scheme: dark)";

function subscribe(onChange: () => void): () => void {
  if (typeof matchMedia !== "function") return () => undefined;
  const list = matchMedia(QUERY);
  list.addEventListener("change", onChange);
  return () => list.removeEventListener("change", onChange);
}

const getSnapshot = (): Theme => (typeof matchMedia === "function" && matchMedia(QUERY).matches ? "dark" : "light");

/** The page's colour scheme as the browser prefers it; follows changes live. */
export function useColorScheme(): Theme {
  return useSyncExternalStore(subscribe, getSnapshot, () => "light");
}
