/** Page entry: builds the runner and the store, opens a share link if there is one, renders. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import "./app/app.css";
import { installAutomation } from "./app/automation";
import { openShareLink } from "./app/openShareLink";
import { RunnerClient } from "./runner/RunnerClient";
import { createAppStore, StoreProvider, type AppStore } from "./store";

// The runner exists before the store (the store needs it), and the worker's messages need the store.
let store: AppStore | undefined;
const runner = new RunnerClient((msg) => store?.getState().applyWorkerMessage(msg));
store = createAppStore({ runner });

const initialLinkNotice = openShareLink(store, window.location.hash);
installAutomation(store);

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App store={store} initialLinkNotice={initialLinkNotice} />
    </StoreProvider>
  </StrictMode>,
);
