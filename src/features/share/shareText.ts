/**
 * The texts the share dialog offers, from the page's address and the program: the link itself,
 * a Markdown link, and an iframe for `?embed=1`. Pure; `app/` passes the page address in.
 */
import type { ClockMode } from "../../protocol/messages";
import { CODE_PREFIX, decodeShareLink, encodeCheckedShareLink } from "../../share/link";
import type { Axis } from "../../store";

export interface ShareInput {
  readonly source: string;
  readonly clock: ClockMode;
  readonly axis: Axis;
  /** The gallery example the program came from, if any (`ex`). */
  readonly exampleId: string | undefined;
  /** The playback cursor in virtual seconds (`t`), when it is not simply at the end. */
  readonly cursorVt?: number | undefined;
}

/** Settings worth carrying: only the ones that differ from a fresh page's. */
export function shareSettings(input: ShareInput): Record<string, string> {
  const settings: Record<string, string> = {};
  if (input.clock !== "realistic") settings.clock = input.clock;
  if (input.axis !== "time") settings.axis = input.axis;
  if (input.exampleId !== undefined) settings.ex = input.exampleId;
  if (input.cursorVt !== undefined && Number.isFinite(input.cursorVt)) settings.t = String(Math.round(input.cursorVt * 1e6) / 1e6);
  return settings;
}

/** The page address without its query's `embed` flag and without any hash. */
export function playgroundBase(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.hash = "";
  url.searchParams.delete("embed");
  return url.toString();
}

export function shareUrl(pageUrl: string, input: ShareInput): string {
  return playgroundBase(pageUrl) + encodeCheckedShareLink({ source: input.source, settings: shareSettings(input) });
}

export function markdownLink(url: string, text: string): string {
  return `[${text.replace(/[[\]\\]/g, "\\$&")}](${url})`;
}

export function embedUrl(pageUrl: string, input: ShareInput): string {
  const url = new URL(playgroundBase(pageUrl));
  url.searchParams.set("embed", "1");
  return url.toString() + encodeCheckedShareLink({ source: input.source, settings: shareSettings(input) });
}

export function iframeSnippet(src: string): string {
  const escaped = src.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return `<iframe src="${escaped}" width="100%" height="520" style="border:1px solid #ddd;border-radius:6px" loading="lazy" title="Taskline: Python asyncio playground"></iframe>`;
}

/**
 * Where an embed's "Open in Taskline" goes: the full playground without `embed=1`, with the very
 * link the embed was opened with while its program is unchanged, a new link when the reader
 * edited it, and the bare playground (the reader's own draft) for an untouched embed without a
 * program in its address.
 */
export function openInTasklineUrl(embedPageUrl: string, input: ShareInput, defaultSource: string): string {
  const hash = new URL(embedPageUrl).hash;
  if (hash.startsWith(CODE_PREFIX)) {
    const decoded = decodeShareLink(hash);
    if (decoded.ok && decoded.value.source === input.source) return playgroundBase(embedPageUrl) + hash;
  } else if (input.source === defaultSource) {
    return playgroundBase(embedPageUrl);
  }
  return shareUrl(embedPageUrl, { ...input, cursorVt: undefined });
}
