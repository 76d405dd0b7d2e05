import { describe, expect, it } from "vitest";
import { decodeShareLink } from "../../share/link";
import { embedUrl, iframeSnippet, markdownLink, shareSettings, shareUrl } from "./shareText";

const INPUT = { source: "import asyncio\nprint('hi')\n", clock: "ideal", axis: "steps", exampleId: "lock" } as const;

describe("share texts", () => {
  it("make a link that opens the same program with the same settings", () => {
    const url = shareUrl("https://example.org/taskline/?x=1#code/old", INPUT);
    expect(url.startsWith("https://example.org/taskline/?x=1#code/")).toBe(true);
    const decoded = decodeShareLink(url.slice(url.indexOf("#")));
    expect(decoded).toMatchObject({ ok: true, value: { source: INPUT.source, settings: { clock: "ideal", axis: "steps", ex: "lock" } } });
    expect(decoded.ok && decoded.value.settings.c).toMatch(/^[0-9a-z]+$/);
  });

  it("leave default settings out of the link", () => {
    expect(shareSettings({ ...INPUT, clock: "realistic", axis: "time", exampleId: undefined })).toEqual({});
  });

  it("make an embed address with embed=1 before the hash, and never two of them", () => {
    const url = embedUrl("https://example.org/?embed=1", INPUT);
    expect(url).toMatch(/^https:\/\/example\.org\/\?embed=1#code\//);
    expect(iframeSnippet(url)).toMatch(/^<iframe src="https:\/\/example\.org\/\?embed=1#code\/[^"]*" /);
    expect(iframeSnippet("a&b\"c")).toContain('src="a&amp;b&quot;c"');
  });

  it("escape brackets in Markdown link text", () => {
    expect(markdownLink("https://x/#code/abc", "Run [this]")).toBe("[Run \\[this\\]](https://x/#code/abc)");
  });

  it("carries the playback cursor as t", () => {
    expect(shareSettings({ ...INPUT, cursorVt: 0.5 }).t).toBe("0.5");
    expect(shareSettings({ ...INPUT, cursorVt: undefined }).t).toBeUndefined();
  });
});
