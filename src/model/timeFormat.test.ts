import { describe, expect, it } from "vitest";
import { formatDuration, formatVirtualTime, tickFormat } from "./timeFormat";

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [0.0005, "500 µs"],
    [0.25, "250 ms"],
    [3, "3 s"],
    [1.5, "1.5 s"],
    [90, "1 min 30 s"],
    [120, "2 min"],
    [3600, "1 h"],
    [3900, "1 h 5 min"],
    [0.0000015, "1.5 µs"],
    [1.23456, "1.23 s"],
    [-2, "-2 s"],
  ])("formats %s seconds as %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it("moves to the next unit when rounding reaches a thousand", () => {
    expect(formatDuration(0.9996)).toBe("1 s");
    expect(formatDuration(0.0009996)).toBe("1 ms");
    expect(formatDuration(59.99)).toBe("1 min");
  });
});

describe("formatVirtualTime", () => {
  it("formats an instant with at least one decimal", () => {
    expect(formatVirtualTime(1)).toBe("t = 1.0 s");
    expect(formatVirtualTime(0)).toBe("t = 0.0 s");
    expect(formatVirtualTime(0.25)).toBe("t = 0.25 s");
    expect(formatVirtualTime(90)).toBe("t = 1 min 30 s");
  });
});

describe("tickFormat", () => {
  it("uses one unit for all ticks of an axis", () => {
    const f = tickFormat(3, 0.5);
    expect([0, 0.5, 1, 1.5].map(f)).toEqual(["0 s", "0.5 s", "1 s", "1.5 s"]);
    const g = tickFormat(0.5, 0.1);
    expect([0, 0.1, 0.2].map(g)).toEqual(["0 ms", "100 ms", "200 ms"]);
  });
});
