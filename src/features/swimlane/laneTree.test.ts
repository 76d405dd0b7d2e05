import { describe, expect, it } from "vitest";
import { taskId, virtualTime, type Lane } from "../../model/types";
import { layoutLaneTree } from "./laneTree";

const lane = (id: number, parent?: number): Lane => ({
  id: taskId(id),
  kind: "task",
  name: `T${id}`,
  coro: "c",
  ...(parent !== undefined && { parent: taskId(parent) }),
  createdAt: virtualTime(0),
  createdLine: 0,
  segments: [],
  finalState: "pending",
});

// main(1) creates 2 and 3; 2 creates 4; then main creates 5; 6 has an unknown parent.
const lanes = [lane(1), lane(2, 1), lane(3, 1), lane(4, 2), lane(5, 1), lane(6, 99)];

describe("layoutLaneTree", () => {
  it("puts each task right under its creator, children in creation order, indented by depth", () => {
    const tree = layoutLaneTree(lanes, new Set());
    expect(tree.rows.map((r) => [r.lane.id, r.depth])).toEqual([
      [1, 0],
      [2, 1],
      [4, 2],
      [3, 1],
      [5, 1],
      [6, 0],
    ]);
    expect(tree.rows[0]!.descendants).toBe(4);
    expect(tree.rowOf.get(taskId(4))).toBe(3);
  });

  it("puts the main program's lane above the generator it drives, although it was created after it", () => {
    const generator: Lane = { ...lane(1), kind: "generator", name: "Generator-1 (averager)", coro: "averager" };
    const main: Lane = { ...lane(2), kind: "generator", name: "main program", coro: "<module>" };
    const tree = layoutLaneTree([generator, main, lane(3)], new Set());
    expect(tree.rows.map((r) => r.lane.name)).toEqual(["main program", "Generator-1 (averager)", "T3"]);
    expect(tree.rowOf.get(taskId(2))).toBe(1);
  });

  it("hides a collapsed group's descendants and maps them onto the group's row", () => {
    const tree = layoutLaneTree(lanes, new Set([taskId(2)]));
    expect(tree.rows.map((r) => r.lane.id)).toEqual([1, 2, 3, 5, 6]);
    expect(tree.rows[1]).toMatchObject({ collapsed: true, descendants: 1 });
    expect(tree.rowOf.get(taskId(4))).toBe(2);
    const all = layoutLaneTree(lanes, new Set([taskId(1)]));
    expect(all.rows.map((r) => r.lane.id)).toEqual([1, 6]);
    expect([2, 3, 4, 5].map((id) => all.rowOf.get(taskId(id)))).toEqual([1, 1, 1, 1]);
  });

  it("ignores collapsing a lane without children", () => {
    const tree = layoutLaneTree(lanes, new Set([taskId(3)]));
    expect(tree.rows.find((r) => r.lane.id === 3)?.collapsed).toBe(false);
  });

  it("handles a chain of ten thousand nested tasks without recursion", () => {
    const chain = Array.from({ length: 10_000 }, (_, i) => lane(i + 1, i === 0 ? undefined : i));
    const tree = layoutLaneTree(chain, new Set());
    expect(tree.rows).toHaveLength(10_000);
    expect(tree.rows[9_999]!.depth).toBe(9_999);
  });
});

describe("layoutLaneTree on a live run", () => {
  it("reuses the shape for new snapshots of the same lanes, and rebuilds when a lane or parent changes", () => {
    const collapsed = new Set<ReturnType<typeof taskId>>();
    const first = layoutLaneTree(lanes, collapsed);
    const snapshots = lanes.map((l) => ({ ...l, finalState: "done" as const }));
    const again = layoutLaneTree(snapshots, collapsed);
    expect(again.rowOf).toBe(first.rowOf);
    expect(again.rows.map((r) => r.lane)).toEqual([0, 1, 3, 2, 4, 5].map((i) => snapshots[i]));
    const grown = layoutLaneTree([...snapshots, lane(7, 4)], collapsed);
    expect(grown.rows.map((r) => r.lane.id)).toEqual([1, 2, 4, 7, 3, 5, 6]);
    const reparented = layoutLaneTree([lane(1), lane(2, 1), lane(3, 2), lane(4, 2), lane(5, 1), lane(6, 99)], collapsed);
    expect(reparented.rows.map((r) => [r.lane.id, r.depth])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 2],
      [5, 1],
      [6, 0],
    ]);
  });
});
