import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HandoffDirection, Outcome, RowKind, WAIT_TARGET_SHIFT, WaitKind, WakerKind } from "./trace";

const wirePy = readFileSync(new URL("../worker/python/taskline/wire.py", import.meta.url), "utf8");

/** NAME = number pairs of one Python class body in wire.py. */
function pythonConstants(className: string): Record<string, number> {
  const body = wirePy.split(`class ${className}:`)[1]!.split(/\nclass |\n# /)[0]!;
  return Object.fromEntries([...body.matchAll(/^\s+([A-Z_]+) = (\d+)$/gm)].map((m) => [m[1]!, Number(m[2])]));
}

const screaming = (name: string) => name.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
const asPython = (constants: Record<string, number>) => Object.fromEntries(Object.entries(constants).map(([k, v]) => [screaming(k), v]));

describe("the trace wire format", () => {
  it("has the same numbers in TypeScript and in the Python recorder", () => {
    expect(pythonConstants("Row")).toEqual(asPython(RowKind));
    expect(pythonConstants("Wait")).toEqual(asPython(WaitKind));
    expect(pythonConstants("Waker")).toEqual(asPython(WakerKind));
    expect(pythonConstants("Outcome")).toEqual(asPython(Outcome));
    expect(pythonConstants("Handoff")).toEqual(asPython(HandoffDirection));
    expect(wirePy).toContain(`WAIT_TARGET_SHIFT = ${WAIT_TARGET_SHIFT}`);
  });
});
