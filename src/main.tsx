/** Page entry: builds the runner and the store, opens a share link if there is one, renders. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { EmbedApp } from "./app/EmbedApp";
import { isEmbedPage } from "./app/embed";
import "./app/app.css";
import { installAutomation } from "./app/automation";
import { openShareLink } from "./app/openShareLink";
import { startPreferences } from "./app/preferences";
import { newTabId, startAutosave, type StoragePort } from "./features/autosave";
import { RunnerClient } from "./runner/RunnerClient";
import { createAppStore, StoreProvider, type AppStore } from "./store";

// The runner exists before the store (the store needs it), and the worker's messages need the store.
let store: AppStore | undefined;
const runner = new RunnerClient((msg) => store?.getState().applyWorkerMessage(msg));
store = createAppStore({ runner });

/** localStorage, or undefined where merely touching it throws (some privacy modes). */
function browserStorage(): StoragePort | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
const storage = browserStorage();
startPreferences(store, storage, navigator.languages);
const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");

if (isEmbedPage(window.location.search)) {
  // An embed shows its link's program (or the default one) and never reads or writes the
  // reader's draft: no autosave at all.
  const notice = openShareLink(store, window.location.hash);
  installAutomation(store);
  document.documentElement.classList.add("is-embed");
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <EmbedApp notice={notice} />
      </StoreProvider>
    </StrictMode>,
  );
} else {
  startPlayground(store, root);
}

/** The full playground: the draft autosaves, a link opens beside it. */
function startPlayground(store: AppStore, root: HTMLElement): void {
  // The draft first (it is what the editor shows), then a link's program beside it.
  const autosave = startAutosave(store, {
    storage,
    tabId: newTabId(),
    nowMs: Date.now,
    debounceMs: 400,
    onStorageEvent: (listener) => {
      const handle = (event: StorageEvent) => listener(event.key, event.newValue);
      window.addEventListener("storage", handle);
      return () => window.removeEventListener("storage", handle);
    },
    setTimer: (callback, ms) => window.setTimeout(callback, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
  });
  window.addEventListener("pagehide", () => autosave.flush());
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && autosave.flush());
  const initialLinkNotice = openShareLink(store, window.location.hash);
  installAutomation(store);
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <App store={store} initialLinkNotice={initialLinkNotice} autosave={autosave} />
      </StoreProvider>
    </StrictMode>,
  );
}
