/**
 * The link notice for the page: the one from page open, then one per later `#code/` hash change
 * (pasting a new link into the address bar does not reload the page). Going back to the draft or
 * keeping the link's program drops the hash, so a reload shows the draft.
 */
import { useEffect, useState } from "react";
import type { AppStore } from "../store";
import { openShareLink, type LinkNotice } from "./openShareLink";

export interface ShareLinkNotice {
  readonly notice: LinkNotice;
  readonly dismiss: () => void;
  readonly backToDraft: () => void;
  readonly keepAsDraft: () => void;
}

export function useShareLinkNotice(store: AppStore, initial: LinkNotice): ShareLinkNotice {
  const [notice, setNotice] = useState(initial);
  useEffect(() => {
    const handleHashChange = () => {
      const next = openShareLink(store, window.location.hash);
      if (next.kind !== "none") setNotice(next);
    };
    window.addEventListener("hashchange", handleHashChange);
    return () => window.removeEventListener("hashchange", handleHashChange);
  }, [store]);
  const dropHash = () => {
    if (window.location.hash !== "") history.replaceState(history.state, "", window.location.pathname + window.location.search);
  };
  return {
    notice,
    dismiss: () => setNotice({ kind: "none" }),
    backToDraft: () => {
      store.getState().backToDraft();
      dropHash();
      setNotice({ kind: "none" });
    },
    keepAsDraft: () => {
      store.getState().keepAsDraft();
      dropHash();
      setNotice({ kind: "none" });
    },
  };
}
