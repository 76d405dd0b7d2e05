/**
 * The link notice for the page: the one from page open, then one per later `#code/` hash change
 * (pasting a new link into the address bar does not reload the page).
 */
import { useEffect, useState } from "react";
import type { AppStore } from "../store";
import { openShareLink, type LinkNotice } from "./openShareLink";

export function useShareLinkNotice(store: AppStore, initial: LinkNotice): readonly [LinkNotice, () => void] {
  const [notice, setNotice] = useState(initial);
  useEffect(() => {
    const handleHashChange = () => {
      const next = openShareLink(store, window.location.hash);
      if (next.kind !== "none") setNotice(next);
    };
    window.addEventListener("hashchange", handleHashChange);
    return () => window.removeEventListener("hashchange", handleHashChange);
  }, [store]);
  return [notice, () => setNotice({ kind: "none" })];
}
