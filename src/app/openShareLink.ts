/**
 * Opens the program in a `#code/` link: loads its source into the editor (never runs it) and
 * applies the settings Taskline knows. Only `app/` reads `location`; this takes the hash as input.
 */
import { CODE_PREFIX, decodeShareLink, describeShareLinkError } from "../share/link";
import type { AppStore } from "../store";

/** What the page says about the link it was opened with. */
export type LinkNotice =
  | { readonly kind: "none" }
  | { readonly kind: "loaded" }
  | { readonly kind: "error"; readonly message: string };

export function openShareLink(store: AppStore, hash: string): LinkNotice {
  // Any other hash (an anchor, nothing) is not a link to a program: leave the page as it is.
  if (!hash.startsWith(CODE_PREFIX)) return { kind: "none" };
  const decoded = decodeShareLink(hash);
  if (!decoded.ok) return { kind: "error", message: describeShareLinkError(decoded.error) };

  const { source, settings } = decoded.value;
  const state = store.getState();
  state.loadSource(source);
  if (settings.clock === "realistic" || settings.clock === "ideal") state.setClockMode(settings.clock);
  if (settings.axis === "time" || settings.axis === "steps") state.setAxis(settings.axis);
  return { kind: "loaded" };
}
