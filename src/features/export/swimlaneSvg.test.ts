import { describe, expect, it } from "vitest";
import { virtualTime, taskId, type Lane, type Segment } from "../../model/types";
import { LIGHT_PALETTE } from "../swimlane/palette";
import { escapeXml, swimlaneSvg, type SwimlaneSvgInput } from "./swimlaneSvg";

const seg = (state: Segment["state"], start: number, end: number, startStep = 0, endStep = 0): Segment => ({
  state,
  start: virtualTime(start),
  end: virtualTime(end),
  startStep,
  endStep,
});

const lane = (id: number, name: string, segments: readonly Segment[], finalState: Lane["finalState"] = "done"): Lane => ({
  id: taskId(id),
  kind: "task",
  name,
  coro: "main",
  createdAt: virtualTime(0),
  createdLine: 1,
  segments,
  finalState,
});

const TEXT: SwimlaneSvgInput["text"] = {
  title: "Taskline run",
  subtitle: "2 s virtual · <2> tasks",
  loopLane: "event loop",
  axisLabel: "virtual time",
  moreLanes: (n) => `…and ${n} more tasks`,
  legend: [
    { state: "running", label: "running" },
    { state: "waiting", label: "waiting" },
    { state: "done", label: "done" },
    { state: "failed", label: "failed" },
    { state: "idle", label: "loop idle" },
  ],
};

const input = (lanes: readonly Lane[], extra: Partial<SwimlaneSvgInput> = {}): SwimlaneSvgInput => ({
  lanes,
  loop: [{ state: "idle", start: virtualTime(0), end: virtualTime(2), startStep: 0, endStep: 2 }],
  endTime: 2,
  stepCount: 2,
  axis: "time",
  palette: LIGHT_PALETTE,
  text: TEXT,
  ...extra,
});

/** Element names in document order, checking that every opened element is closed in order. */
function checkWellFormed(svg: string): string[] {
  const stack: string[] = [];
  const names: string[] = [];
  for (const match of svg.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^<>]*?)(\/?)>/g)) {
    const [, closing, name, , selfClosing] = match;
    if (closing === "/") expect(stack.pop()).toBe(name);
    else {
      names.push(name!);
      if (selfClosing !== "/") stack.push(name!);
    }
  }
  expect(stack).toEqual([]);
  // Nothing that looks like markup is left outside the tags the regex saw.
  expect(svg.replace(/<(\/?)([a-zA-Z][\w-]*)([^<>]*?)(\/?)>/g, "")).not.toMatch(/[<>]/);
  return names;
}

describe("the swimlane as SVG", () => {
  it("draws one labelled lane per task plus the loop lane, in the swimlane's colours", () => {
    const { svg, widthPx, heightPx } = swimlaneSvg(
      input([lane(1, "main", [seg("running", 0, 0.5), seg("waiting", 0.5, 2), seg("done", 2, 2)]), lane(2, "worker", [seg("running", 0.5, 1), seg("failed", 1, 1)], "failed")]),
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain(`width="${widthPx}" height="${heightPx}"`);
    const names = checkWellFormed(svg);
    expect(names[0]).toBe("svg");
    for (const label of [">Taskline run</text>", ">2 s virtual · &lt;2&gt; tasks</text>", ">event loop</text>", ">main</text>", ">worker</text>"]) expect(svg).toContain(label);
    expect(svg).toContain(`<g fill="${LIGHT_PALETTE.fill.running}">`);
    expect(svg).toContain(`<g fill="${LIGHT_PALETTE.fill.waiting}">`);
    expect(svg).toContain(`<g fill="${LIGHT_PALETTE.fill.failed}">`);
    expect(svg).toContain(`fill="${LIGHT_PALETTE.background}"`);
  });

  it("escapes task names, so a name cannot inject markup", () => {
    const evil = `<img src=x onerror="alert(1)">&'`;
    const { svg } = swimlaneSvg(input([lane(1, evil, [seg("running", 0, 1)])]));
    checkWellFormed(svg);
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&apos;");
  });

  it("replaces characters XML forbids, so the file always parses", () => {
    expect(escapeXml("a\u0001b\uD800c")).toBe("a\uFFFDb\uFFFDc");
    expect(escapeXml("😀 ok\tline")).toBe("😀 ok\tline");
  });

  it("puts time ticks with units on the axis, and step numbers on the steps axis", () => {
    const lanes = [lane(1, "main", [seg("running", 0, 2, 0, 40)])];
    const time = swimlaneSvg(input(lanes)).svg;
    expect(time).toMatch(/>0 s<\/text>/);
    expect(time).toMatch(/>2 s<\/text>/);
    expect(time).toContain(">virtual time →</text>");
    const steps = swimlaneSvg(input(lanes, { axis: "steps", stepCount: 40 })).svg;
    expect(steps).toMatch(/>40<\/text>/);
    expect(steps).not.toMatch(/>\d+(\.\d+)? s<\/text>/);
  });

  it("merges sub-pixel segments instead of writing one rect per step", () => {
    const many: Segment[] = [];
    for (let i = 0; i < 10_000; i++) many.push(seg(i % 2 === 0 ? "running" : "ready", i / 10_000, (i + 1) / 10_000));
    const { svg } = swimlaneSvg(input([lane(1, "busy", many)], { endTime: 1, widthPx: 800 }));
    expect(svg.match(/<rect /g)!.length).toBeLessThan(50);
  });

  it("draws at most maxLanes lanes and counts the rest", () => {
    const lanes = Array.from({ length: 30 }, (_, i) => lane(i + 1, `t${i}`, [seg("running", 0, 1)]));
    const { svg } = swimlaneSvg(input(lanes, { maxLanes: 10 }));
    expect(svg).toContain(">t9</text>");
    expect(svg).not.toContain(">t10</text>");
    expect(svg).toContain("…and 20 more tasks");
  });

  it("shortens very long names and keeps the full name as a tooltip", () => {
    const long = "x".repeat(80);
    const { svg } = swimlaneSvg(input([lane(1, long, [seg("running", 0, 1)])]));
    expect(svg).toContain(`<title>${long}</title>`);
    expect(svg).toContain(`>${"x".repeat(31)}…</text>`);
  });
});

describe("segment texts in the SVG", () => {
  it("writes the caller's text inside wide segments only, escaped, and none on the loop lane", () => {
    const lanes = [lane(1, "main", [seg("waiting", 0, 1.99), seg("running", 1.99, 2)])];
    const { svg } = swimlaneSvg(input(lanes, { segmentText: (s) => (s.state === "waiting" ? "await <b>" : "run") }));
    expect(svg).toContain(">await &lt;b&gt;</text>");
    expect(svg).not.toContain(">run</text>");
    expect(svg).not.toContain(">loop idle</text><");
  });
});
