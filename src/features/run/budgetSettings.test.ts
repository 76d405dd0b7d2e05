import { describe, expect, it } from "vitest";
import { DEFAULT_BUDGET } from "../../protocol/messages";
import { BUDGET_FIELDS, BUDGET_KEY, clampBudgetValue, loadBudget, parseStoredBudget, saveBudget } from "./budgetSettings";

describe("budget settings", () => {
  it("reads the defaults when nothing or garbage is stored", () => {
    expect(parseStoredBudget(null)).toEqual(DEFAULT_BUDGET);
    expect(parseStoredBudget("{not json")).toEqual(DEFAULT_BUDGET);
    expect(parseStoredBudget("42")).toEqual(DEFAULT_BUDGET);
  });

  it("keeps stored values field by field and clamps them into range", () => {
    const budget = parseStoredBudget(JSON.stringify({ wallClockS: 45, maxSteps: "lots", maxTasks: 1e12, virtualHorizonS: null }));
    expect(budget).toEqual({ ...DEFAULT_BUDGET, wallClockS: 45, maxTasks: 1_000_000 });
  });

  it("refuses non-numbers and rounds counts", () => {
    const steps = BUDGET_FIELDS.find((f) => f.key === "maxSteps")!;
    expect(clampBudgetValue(steps, Number.NaN)).toBeUndefined();
    expect(clampBudgetValue(steps, 12345.6)).toBe(12346);
    expect(clampBudgetValue(steps, 1)).toBe(100);
  });

  it("remembers a budget and survives storage that throws", () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    saveBudget(storage, { ...DEFAULT_BUDGET, wallClockS: 90 });
    expect(map.has(BUDGET_KEY)).toBe(true);
    expect(loadBudget(storage).wallClockS).toBe(90);
    const broken = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("full"); } };
    expect(loadBudget(broken)).toEqual(DEFAULT_BUDGET);
    expect(() => saveBudget(broken, DEFAULT_BUDGET)).not.toThrow();
  });
});
