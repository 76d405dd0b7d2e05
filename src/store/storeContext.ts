/** The React context that carries the page's store (see StoreProvider and useAppStore). */
import { createContext } from "react";
import type { AppStore } from "./createAppStore";

export const StoreContext = createContext<AppStore | undefined>(undefined);
