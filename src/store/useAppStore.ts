/** React access to the page's store; always through a named selector (see ./selectors.ts). */
import { useContext } from "react";
import { useStore } from "zustand";
import type { AppState } from "./appState";
import type { AppStore } from "./createAppStore";
import { StoreContext } from "./storeContext";

export { useShallow } from "zustand/react/shallow";

/** The store itself, for effects that subscribe outside React's render (editor, canvas). */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (store === undefined) throw new Error("useAppStore needs a <StoreProvider> above it");
  return store;
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
