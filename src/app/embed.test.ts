import { describe, expect, it } from "vitest";
import { isEmbedPage } from "./embed";

describe("the embed flag", () => {
  it("is embed=1 in the query, and nothing else", () => {
    expect(isEmbedPage("?embed=1")).toBe(true);
    expect(isEmbedPage("?x=2&embed=1")).toBe(true);
    expect(isEmbedPage("")).toBe(false);
    expect(isEmbedPage("?embed=0")).toBe(false);
    expect(isEmbedPage("?embedded=1")).toBe(false);
  });
});
