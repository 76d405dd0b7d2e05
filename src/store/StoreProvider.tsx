import type { ReactNode } from "react";
import type { AppStore } from "./createAppStore";
import { StoreContext } from "./storeContext";

/** Makes `store` the one `useAppStore` reads below it. */
export function StoreProvider({ store, children }: { readonly store: AppStore; readonly children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}
