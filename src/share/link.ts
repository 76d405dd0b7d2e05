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
 * `tooLarge` (over the size limits), `unknownFormat` (not a `#code/` link), `checksum` (the code
 * does not match its `c` checksum: edited or cut by hand), `futureFormat` (`v` newer than we read).
 */
export type ShareLinkError = "empty" | "corrupt" | "tooLarge" | "unknownFormat" | "checksum" | "futureFormat";

/** The link format this build writes and reads (`v`); a link with a larger `v` is refused. */
export const LINK_FORMAT_VERSION = 1;

/** The encoded form of an empty program. */
const EMPTY_PROGRAM = compressToEncodedURIComponent("");

/** Settings the codec itself checks; the rest are the caller's (`clock`, `axis`, `ex`, ...). */
export const CHECKSUM_KEY = "c";
export const FORMAT_KEY = "v";

/**
 * A short checksum of the program (FNV-1a over UTF-16 code units, base 36): catches links cut or
 * edited by hand that still decompress to something.
 */
export function sourceChecksum(source: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    hash ^= source.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** A link for sharing: the program, its settings and its checksum. */
export function encodeCheckedShareLink(payload: SharePayload): string {
  return encodeShareLink({ source: payload.source, settings: { ...payload.settings, [CHECKSUM_KEY]: sourceChecksum(payload.source) } });
}

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
  const settings = parseSettings(pairs);
  const format = settings[FORMAT_KEY];
  if (format !== undefined && !(Number(format) <= LINK_FORMAT_VERSION)) return err("futureFormat");
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
      // Only the encoding of "" is an empty program; other text that decodes to nothing is damage.
      if (decoded.text === "") return err(packed === EMPTY_PROGRAM ? "empty" : "corrupt");
      if (settings[CHECKSUM_KEY] !== undefined && settings[CHECKSUM_KEY] !== sourceChecksum(decoded.text)) return err("checksum");
      return ok({ source: decoded.text, settings });
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
    case "checksum":
      return "This link's code does not match its checksum: it was changed or cut short on the way.";
    case "futureFormat":
      return "This link was made by a newer version of Taskline; reload the page to get it.";
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
