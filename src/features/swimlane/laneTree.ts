/**
 * The swimlane's rows: task lanes nested under the task that created them (children in creation
 * order, right after their parent), with collapsible groups. Pure, so it is tested without a DOM.
 * Row 0 is always the event-loop lane; `rows[i]` is drawn as row i + 1.
 */
import { isMainProgramLane, type Lane, type TaskId } from "../../model/types";

export interface LaneRow {
  readonly lane: Lane;
  /** 0 for a top-level lane, parent's depth + 1 for a child. */
  readonly depth: number;
  /** Lanes below it in the tree (children, grandchildren, ...), shown or not. */
  readonly descendants: number;
  /** Its descendants are hidden. */
  readonly collapsed: boolean;
}

export interface LaneTree {
  /** The shown rows, top to bottom. */
  readonly rows: readonly LaneRow[];
  /**
   * The drawn row (1-based; 0 is the loop lane) of every lane: a hidden lane maps to the row of
   * its nearest shown ancestor, so relations into a collapsed group end on the group.
   */
  readonly rowOf: ReadonlyMap<TaskId, number>;
}

/**
 * Orders `lanes` (given in creation order) depth-first: each lane, then its children in creation
 * order. A lane whose parent is unknown is top-level; the main program's lane (it drives the
 * generators it is created after) comes first. Lanes under a collapsed lane are left out.
 * Iterative, so a chain of 10,000 nested tasks does not overflow the stack. O(lanes).
 */
export function layoutLaneTree(lanes: readonly Lane[], collapsed: ReadonlySet<TaskId>): LaneTree {
  // While a run streams, lanes get new snapshots every batch but rarely new parents: reuse the
  // last tree's shape when every lane's id and parent are unchanged (an O(n) check of numbers).
  const last = shapeCache.get(collapsed);
  if (last !== undefined && sameShape(last, lanes)) {
    return { rows: last.rows.map((r) => ({ lane: lanes[r.index]!, depth: r.depth, descendants: r.descendants, collapsed: r.collapsed })), rowOf: last.rowOf };
  }
  const tree = buildLaneTree(lanes, collapsed);
  const indexOf = new Map<TaskId, number>();
  lanes.forEach((lane, i) => indexOf.set(lane.id, i));
  shapeCache.set(collapsed, {
    ids: Int32Array.from(lanes, (l) => l.id),
    parents: Int32Array.from(lanes, (l) => l.parent ?? -1),
    rows: tree.rows.map((r) => ({ index: indexOf.get(r.lane.id)!, depth: r.depth, descendants: r.descendants, collapsed: r.collapsed })),
    rowOf: tree.rowOf,
  });
  return tree;
}

interface Shape {
  readonly ids: Int32Array;
  readonly parents: Int32Array;
  readonly rows: readonly { readonly index: number; readonly depth: number; readonly descendants: number; readonly collapsed: boolean }[];
  readonly rowOf: ReadonlyMap<TaskId, number>;
}

/** The last shape per collapsed set (each set object belongs to one swimlane state). */
const shapeCache = new WeakMap<ReadonlySet<TaskId>, Shape>();

function sameShape(shape: Shape, lanes: readonly Lane[]): boolean {
  if (shape.ids.length !== lanes.length) return false;
  for (let i = 0; i < lanes.length; i++) {
    const lane = lanes[i]!;
    if (shape.ids[i] !== lane.id || shape.parents[i] !== (lane.parent ?? -1)) return false;
  }
  return true;
}

function buildLaneTree(lanes: readonly Lane[], collapsed: ReadonlySet<TaskId>): LaneTree {
  const byId = new Map<TaskId, Lane>();
  for (const lane of lanes) byId.set(lane.id, lane);
  const children = new Map<TaskId, Lane[]>();
  const roots: Lane[] = [];
  for (const lane of lanes) {
    const parent = lane.parent;
    if (parent === undefined || parent === lane.id || !byId.has(parent)) {
      roots.push(lane);
      continue;
    }
    let list = children.get(parent);
    if (list === undefined) children.set(parent, (list = []));
    list.push(lane);
  }

  // Descendant counts, children before parents (reverse creation order: a child is created after its parent).
  const descendants = new Map<TaskId, number>();
  for (let i = lanes.length - 1; i >= 0; i--) {
    const lane = lanes[i]!;
    let n = 0;
    for (const child of children.get(lane.id) ?? []) n += 1 + (descendants.get(child.id) ?? 0);
    descendants.set(lane.id, n);
  }

  // The main program drives the generators it is drawn for, so it goes above them (stable otherwise).
  const main = roots.findIndex(isMainProgramLane);
  if (main > 0) roots.unshift(...roots.splice(main, 1));

  const rows: LaneRow[] = [];
  const rowOf = new Map<TaskId, number>();
  // Stack of [lane, depth, row of the shown ancestor it collapses into or undefined].
  const stack: [Lane, number, number | undefined][] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push([roots[i]!, 0, undefined]);
  while (stack.length > 0) {
    const [lane, depth, hiddenInto] = stack.pop()!;
    let childInto = hiddenInto;
    if (hiddenInto === undefined) {
      const isCollapsed = collapsed.has(lane.id) && (descendants.get(lane.id) ?? 0) > 0;
      rows.push({ lane, depth, descendants: descendants.get(lane.id) ?? 0, collapsed: isCollapsed });
      rowOf.set(lane.id, rows.length);
      if (isCollapsed) childInto = rows.length;
    } else {
      rowOf.set(lane.id, hiddenInto);
    }
    const kids = children.get(lane.id);
    if (kids !== undefined) for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, depth + 1, childInto]);
  }
  return { rows, rowOf };
}
