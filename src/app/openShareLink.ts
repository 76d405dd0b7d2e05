/**
 * Opens the program in a `#code/` link: shows its source in the borrowed buffer (the person's
 * draft is kept, nothing runs) and applies the settings Taskline knows; unknown ones are ignored.
 * A link that cannot be opened changes nothing. Only `app/` reads `location`; this takes the hash.
 */
import { findExample } from "../features/gallery";
import { CODE_PREFIX, decodeShareLink, type ShareLinkError } from "../share/link";
import type { AppStore } from "../store";

/** What the page says about the link it was opened with. */
export type LinkNotice =
  | { readonly kind: "none" }
  | { readonly kind: "loaded" }
  | { readonly kind: "error"; readonly error: ShareLinkError };

export function openShareLink(store: AppStore, hash: string): LinkNotice {
  // Any other hash (an anchor, nothing) is not a link to a program: leave the page as it is.
  if (!hash.startsWith(CODE_PREFIX)) return { kind: "none" };
  const decoded = decodeShareLink(hash);
  if (!decoded.ok) return { kind: "error", error: decoded.error };

  const { source, settings } = decoded.value;
  const state = store.getState();
  state.openBorrowed(source, { kind: "link", exampleId: findExample(settings.ex)?.id });
  if (settings.clock === "realistic" || settings.clock === "ideal") state.setClockMode(settings.clock);
  if (settings.axis === "time" || settings.axis === "steps") state.setAxis(settings.axis);
  const t = settings.t === undefined ? Number.NaN : Number(settings.t);
  if (Number.isFinite(t) && t >= 0) state.setPendingCursor(t);
  return { kind: "loaded" };
}
