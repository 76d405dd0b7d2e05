import { describe, expect, it } from "vitest";
import { tailWindow } from "./tailWindow";

describe("the console's rendered window", () => {
  it("renders every line of a short output", () => {
    const lines = ["a", "b"];
    expect(tailWindow(lines, 5)).toEqual({ hiddenCount: 0, shown: lines });
  });

  it("renders only the last lines of a huge output and counts the rest", () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `line ${i}`);
    const window = tailWindow(lines);
    expect(window.hiddenCount).toBe(95_000);
    expect(window.shown).toHaveLength(5000);
    expect(window.shown[0]).toBe("line 95000");
    expect(window.shown.at(-1)).toBe("line 99999");
  });
});
