/**
 * The share-link codec: `#code/<lz-string>` followed by optional `&key=value` settings, the
 * TypeScript playground's convention (DESIGN.md §5). Old links must keep opening forever, so the
 * grammar only ever grows. Pure: no `location`, never throws.
 */
import { compressToEncodedURIComponent } from "lz-string";
import { err, ok, type Result } from "../lib/result";
import { decompressUriSafeBounded, isUriSafeLzString } from "./boundedDecompress";

export const CODE_PREFIX = "#code/";

/** Longest encoded program we try to decode (characters after `#code/`). */
export const MAX_ENCODED_CHARS = 200_000;
/** Longest program we accept once decoded; far more than anyone types, far less than a frozen tab. */
export const MAX_SOURCE_CHARS = 1_000_000;

export interface SharePayload {
  readonly source: string;
  /** Extra `&key=value` pairs, e.g. `{ clock: "ideal" }`; unknown keys are kept, callers pick. */
  readonly settings: Readonly<Record<string, string>>;
}

/**
 * Why a link could not be opened: `empty` (no code in it), `corrupt` (damaged or cut short),
 * `tooLarge` (over the size limits), `unknownFormat` (not a `#code/` link).
 */
export type ShareLinkError = "empty" | "corrupt" | "tooLarge" | "unknownFormat";

/** Builds the hash (including "#") for a program and its settings. */
export function encodeShareLink(payload: SharePayload): string {
  return CODE_PREFIX + compressToEncodedURIComponent(payload.source) + encodeSettings(payload.settings);
}

/** Reads a location hash (with or without the leading "#"). */
export function decodeShareLink(hash: string): Result<SharePayload, ShareLinkError> {
  const normalized = hash.startsWith("#") ? hash : `#${hash}`;
  if (normalized === "#") return err("empty");
  if (!normalized.startsWith(CODE_PREFIX)) return err("unknownFormat");

  const [rawPacked = "", ...pairs] = normalized.slice(CODE_PREFIX.length).split("&");
  const packed = percentDecode(rawPacked);
  if (packed === undefined) return err("corrupt");
  if (packed.length === 0) return err("empty");
  if (packed.length > MAX_ENCODED_CHARS) return err("tooLarge");
  if (!isUriSafeLzString(packed)) return err("corrupt");

  const decoded = decompressUriSafeBounded(packed, MAX_SOURCE_CHARS);
  switch (decoded.kind) {
    case "corrupt":
      return err("corrupt");
    case "tooLarge":
      return err("tooLarge");
    case "ok":
      if (decoded.text === "") return err("empty");
      return ok({ source: decoded.text, settings: parseSettings(pairs) });
  }
}

/** A plain-words explanation of a link error, for the page. */
export function describeShareLinkError(error: ShareLinkError): string {
  switch (error) {
    case "empty":
      return "This link has no code in it.";
    case "corrupt":
      return "This link is damaged or was cut short, so its code cannot be read.";
    case "tooLarge":
      return `This link's code is too large to open (the limit is ${MAX_SOURCE_CHARS.toLocaleString("en")} characters).`;
    case "unknownFormat":
      return "This link is not a Taskline code link.";
  }
}

function encodeSettings(settings: Readonly<Record<string, string>>): string {
  return Object.entries(settings)
    .map(([key, value]) => `&${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join("");
}

/** Later duplicates win; pairs without "=" or with undecodable escapes are ignored. */
function parseSettings(pairs: readonly string[]): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    const key = percentDecode(pair.slice(0, eq));
    const value = percentDecode(pair.slice(eq + 1));
    if (key === undefined || value === undefined || key === "__proto__") continue;
    settings[key] = value;
  }
  return settings;
}

/** Some mail clients and chat apps percent-encode `$` and `+`; undo that, tolerating bad escapes. */
function percentDecode(text: string): string | undefined {
  if (!text.includes("%")) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
