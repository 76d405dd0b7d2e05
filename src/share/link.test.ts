import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from "lz-string";
import { describe, expect, it } from "vitest";
import { decompressUriSafeBounded } from "./boundedDecompress";
import { decodeShareLink, describeShareLinkError, encodeCheckedShareLink, encodeShareLink, MAX_ENCODED_CHARS, MAX_SOURCE_CHARS, sourceChecksum } from "./link";

const PROGRAM = `import asyncio

async def main():
    print("héllo ✓ 🐍")
    await asyncio.sleep(1)

asyncio.run(main())
`;

describe("share links", () => {
  it("round-trips a program and its settings", () => {
    const hash = encodeShareLink({ source: PROGRAM, settings: { clock: "ideal", axis: "steps" } });
    expect(hash.startsWith("#code/")).toBe(true);
    expect(decodeShareLink(hash)).toEqual({ ok: true, value: { source: PROGRAM, settings: { clock: "ideal", axis: "steps" } } });
  });

  it("opens links made by the TypeScript playground convention", () => {
    const hash = `#code/${compressToEncodedURIComponent("print('hi')")}`;
    expect(decodeShareLink(hash)).toEqual({ ok: true, value: { source: "print('hi')", settings: {} } });
  });

  it("accepts a hash without its leading #", () => {
    const hash = encodeShareLink({ source: "x = 1", settings: {} }).slice(1);
    expect(decodeShareLink(hash)).toEqual({ ok: true, value: { source: "x = 1", settings: {} } });
  });

  it("accepts a code part whose characters were percent-encoded by a chat app", () => {
    const packed = compressToEncodedURIComponent(PROGRAM.repeat(3));
    const escaped = packed.replace(/\$/g, "%24").replace(/\+/g, "%2B");
    expect(decodeShareLink(`#code/${escaped}`)).toMatchObject({ ok: true, value: { source: PROGRAM.repeat(3) } });
  });

  it("escapes setting keys and values so they survive the trip", () => {
    const hash = encodeShareLink({ source: "x", settings: { "a&b": "c=d e" } });
    expect(decodeShareLink(hash)).toMatchObject({ ok: true, value: { settings: { "a&b": "c=d e" } } });
  });

  it("ignores malformed setting pairs instead of failing", () => {
    const hash = `${encodeShareLink({ source: "x", settings: {} })}&noequals&=v&bad=%E0%A4%A&clock=ideal`;
    expect(decodeShareLink(hash)).toEqual({ ok: true, value: { source: "x", settings: { clock: "ideal" } } });
  });

  it("reports an empty hash or a link with no code as empty", () => {
    expect(decodeShareLink("")).toEqual({ ok: false, error: "empty" });
    expect(decodeShareLink("#")).toEqual({ ok: false, error: "empty" });
    expect(decodeShareLink("#code/")).toEqual({ ok: false, error: "empty" });
    expect(decodeShareLink(encodeShareLink({ source: "", settings: {} }))).toEqual({ ok: false, error: "empty" });
  });

  it("reports code that decodes to nothing as damaged, not as empty", () => {
    expect(decodeShareLink("#code/abc")).toEqual({ ok: false, error: "corrupt" });
    expect(decodeShareLink("#code/abc&clock=ideal")).toEqual({ ok: false, error: "corrupt" });
  });

  it("reports other hashes as an unknown format", () => {
    expect(decodeShareLink("#section-2")).toEqual({ ok: false, error: "unknownFormat" });
    expect(decodeShareLink("#src/abc")).toEqual({ ok: false, error: "unknownFormat" });
  });

  it("reports damaged links as corrupt instead of throwing", () => {
    expect(decodeShareLink("#code/!!!not-lz!!!")).toEqual({ ok: false, error: "corrupt" });
    expect(decodeShareLink("#code/%E0%A4%A")).toEqual({ ok: false, error: "corrupt" });
    const packed = compressToEncodedURIComponent(PROGRAM);
    expect(decodeShareLink(`#code/${packed.slice(0, packed.length >> 1)}`)).toEqual({ ok: false, error: "corrupt" });
    for (const junk of ["A", "AAAA", "zzzz", "$$$$$$$$", "Q", "-"]) {
      const result = decodeShareLink(`#code/${junk}`);
      expect(result.ok === false || typeof result.value.source === "string").toBe(true);
    }
  });

  it("refuses an encoded part over the length limit without decoding it", () => {
    expect(decodeShareLink(`#code/${"A".repeat(MAX_ENCODED_CHARS + 1)}`)).toEqual({ ok: false, error: "tooLarge" });
  });

  it("refuses a program over the size limit", () => {
    const big = "x".repeat(MAX_SOURCE_CHARS + 1);
    expect(decodeShareLink(encodeShareLink({ source: big, settings: {} }))).toEqual({ ok: false, error: "tooLarge" });
  });

  it("stops a tiny link that would inflate past the size limit", () => {
    // Repeating one character makes each code one longer than the last: output grows quadratically.
    const bomb = compressToEncodedURIComponent("a".repeat(MAX_SOURCE_CHARS + 200_000));
    expect(bomb.length).toBeLessThan(5_000);
    const started = performance.now();
    expect(decodeShareLink(`#code/${bomb}`)).toEqual({ ok: false, error: "tooLarge" });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("checks the checksum of a link that carries one", () => {
    const hash = encodeCheckedShareLink({ source: PROGRAM, settings: { clock: "ideal", ex: "lock" } });
    expect(hash).toContain(`&c=${sourceChecksum(PROGRAM)}`);
    expect(decodeShareLink(hash)).toEqual({ ok: true, value: { source: PROGRAM, settings: { clock: "ideal", ex: "lock", c: sourceChecksum(PROGRAM) } } });
    const otherCode = encodeShareLink({ source: PROGRAM.replace("sleep(1)", "sleep(9)"), settings: {} });
    const tampered = otherCode + hash.slice(hash.indexOf("&"));
    expect(decodeShareLink(tampered)).toEqual({ ok: false, error: "checksum" });
  });

  it("gives different programs different checksums", () => {
    expect(sourceChecksum("a")).not.toBe(sourceChecksum("b"));
    expect(sourceChecksum(PROGRAM)).toMatch(/^[0-9a-z]{1,7}$/);
  });

  it("refuses a link from a newer format and reads older or current ones", () => {
    const hash = encodeShareLink({ source: "x", settings: {} });
    expect(decodeShareLink(`${hash}&v=2`)).toEqual({ ok: false, error: "futureFormat" });
    expect(decodeShareLink(`${hash}&v=banana`)).toEqual({ ok: false, error: "futureFormat" });
    expect(decodeShareLink(`${hash}&v=1`)).toMatchObject({ ok: true, value: { source: "x" } });
  });

  it("ignores unknown settings instead of failing", () => {
    const hash = encodeCheckedShareLink({ source: "x", settings: { t: "1.5", someday: "maybe" } });
    expect(decodeShareLink(hash)).toMatchObject({ ok: true, value: { source: "x", settings: { someday: "maybe" } } });
  });

  it("describes every error in plain words", () => {
    for (const error of ["empty", "corrupt", "tooLarge", "unknownFormat", "checksum", "futureFormat"] as const) {
      expect(describeShareLinkError(error).length).toBeGreaterThan(10);
    }
  });
});

describe("bounded decompression", () => {
  it("decodes exactly what lz-string decodes", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = "ab \n\tasync def await 中文🐍()";
    for (let n = 0; n < 200; n++) {
      const length = Math.floor(random() * 400);
      let text = "";
      for (let i = 0; i < length; i++) text += alphabet.charAt(Math.floor(random() * alphabet.length));
      const packed = compressToEncodedURIComponent(text);
      expect(decompressUriSafeBounded(packed, MAX_SOURCE_CHARS)).toEqual({ kind: "ok", text });
    }
  });

  it("agrees with lz-string on damaged input", () => {
    const packed = compressToEncodedURIComponent(PROGRAM);
    for (let cut = 1; cut < packed.length; cut += 3) {
      const damaged = packed.slice(0, cut);
      const theirs = decompressFromEncodedURIComponent(damaged);
      const ours = decompressUriSafeBounded(damaged, MAX_SOURCE_CHARS);
      if (theirs === null || theirs === "") expect(ours.kind === "corrupt" || (ours.kind === "ok" && ours.text === "")).toBe(true);
      else expect(ours).toEqual({ kind: "ok", text: theirs });
    }
  });
});
