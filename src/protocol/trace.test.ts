import { describe, expect, it } from "vitest";
import { decodeSleepSeconds } from "./trace";

describe("decodeSleepSeconds", () => {
  it("reads the length a sleep asked for in µs (even codes) or ms (odd codes), and 0 as not recorded", () => {
    expect(decodeSleepSeconds(250_000 << 1)).toBe(0.25);
    expect(decodeSleepSeconds(10_000_000 << 1)).toBe(10);
    expect(decodeSleepSeconds((1_800_000 << 1) | 1)).toBe(1800);
    expect(decodeSleepSeconds(0)).toBeUndefined();
  });
});
