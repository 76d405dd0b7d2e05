import { describe, expect, it } from "vitest";
import { summaryCounts } from "./summaryCounts";

const task = { kind: "task", coro: "main" } as const;
const generator = { kind: "generator", coro: "averager" } as const;
const mainProgram = { kind: "generator", coro: "<module>" } as const;

describe("the run summary's counts", () => {
  it("counts a hand-driven generator and the steps drawn when the event loop never ran", () => {
    expect(summaryCounts({ virtualTimeS: 0, tasks: 0, steps: 0 }, [generator, mainProgram], 8)).toEqual({ tasks: 0, generators: 1, steps: 8, showTasks: false });
  });

  it("keeps the worker's task and step totals for an asyncio program", () => {
    expect(summaryCounts({ virtualTimeS: 1, tasks: 3, steps: 7 }, [task, task, task], 9)).toEqual({ tasks: 3, generators: 0, steps: 7, showTasks: true });
    expect(summaryCounts({ virtualTimeS: 0, tasks: 0, steps: 0 }, [], 0)).toMatchObject({ showTasks: true, steps: 0 });
  });

  it("takes the generator count a trace store keeps instead of counting lanes", () => {
    expect(summaryCounts({ virtualTimeS: 0, tasks: 0, steps: 0 }, { generatorLaneCount: 2 }, 5)).toEqual({ tasks: 0, generators: 2, steps: 5, showTasks: false });
  });
});
