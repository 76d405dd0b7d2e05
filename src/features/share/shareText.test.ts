import { describe, expect, it } from "vitest";
import { decodeShareLink } from "../../share/link";
import { embedUrl, iframeSnippet, markdownLink, openInTasklineUrl, shareSettings, shareUrl } from "./shareText";

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

  it("send an embed's reader to the full playground with the same link, without embed=1", () => {
    const embed = embedUrl("https://example.org/taskline/", INPUT);
    const full = openInTasklineUrl(embed, INPUT, "DEFAULT");
    expect(full).toBe(embed.replace("?embed=1", ""));
    expect(full.startsWith("https://example.org/taskline/#code/")).toBe(true);
  });

  it("carry the reader's edits from an embed into a new link", () => {
    const embed = embedUrl("https://example.org/?embed=1&x=2", INPUT);
    const edited = { ...INPUT, source: "print('edited')\n", cursorVt: 1.5 };
    const full = openInTasklineUrl(embed, edited, "DEFAULT");
    expect(full).not.toContain("embed=1");
    const decoded = decodeShareLink(full.slice(full.indexOf("#")));
    expect(decoded).toMatchObject({ ok: true, value: { source: "print('edited')\n" } });
    expect(decoded.ok && decoded.value.settings.t).toBeUndefined();
  });

  it("send an untouched embed without a program to the bare playground", () => {
    expect(openInTasklineUrl("https://example.org/?embed=1", { ...INPUT, source: "DEFAULT" }, "DEFAULT")).toBe("https://example.org/");
    expect(openInTasklineUrl("https://example.org/?embed=1", { ...INPUT, source: "x = 1\n" }, "DEFAULT")).toMatch(/^https:\/\/example\.org\/#code\//);
  });
});
