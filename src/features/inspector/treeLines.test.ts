import { describe, expect, it } from "vitest";
import { keepTogether, treeLines } from "./treeLines";

describe("treeLines", () => {
  it("splits each line into its branch drawing and its words, losing no character", () => {
    const text = "Task-1 · main · waiting on gather (line 9)\n├── Task-2 · worker · done\n│   └── thread Thread-1 (crunch) · crunch · done\n└── Task-3 · x · running";
    const lines = treeLines(text);
    expect(lines.map((l) => l.prefix)).toEqual(["", "├── ", "│   └── ", "└── "]);
    expect(lines[2]!.body).toBe("thread Thread-1 (crunch) · crunch · done");
    expect(lines.map((l) => l.prefix + l.body).join("\n")).toBe(text);
  });

  it("gives no lines for no text", () => {
    expect(treeLines("")).toEqual([]);
  });

  it("keeps durations and line references in one piece, losing no character", () => {
    const body = "slow_job · waiting on sleep 10 s (line 6) after sleep 1.5 ms, not Task-10 seconds";
    const pieces = keepTogether(body);
    expect(pieces.filter((_, i) => i % 2 === 1)).toEqual(["10 s", "(line 6)", "1.5 ms"]);
    expect(pieces.join("")).toBe(body);
    expect(keepTogether("done")).toEqual(["done"]);
  });
});
