/**
 * The run budgets a person can raise, as fields of a settings form, and how they are remembered
 * (localStorage, versioned JSON). Pure: storage comes in as a port; a bad stored value reads as
 * the defaults, out-of-range input is clamped.
 */
import { DEFAULT_BUDGET, type RunBudget } from "../../protocol/messages";
import type { MessageKey } from "../i18n";

export const BUDGET_KEY = "taskline.budget.v1";

export interface BudgetField {
  readonly key: keyof RunBudget;
  /** English name (the translated one is `limits.<key>`). */
  readonly label: string;
  readonly unit: "" | "s" | "chars";
  readonly min: number;
  readonly max: number;
}

/** The form's fields, in order. Maxima keep a raised budget from freezing the tab for good. */
export const BUDGET_FIELDS: readonly BudgetField[] = [
  { key: "wallClockS", label: "Real time", unit: "s", min: 1, max: 600 },
  { key: "virtualHorizonS", label: "Virtual time", unit: "s", min: 1, max: 10_000_000 },
  { key: "maxSteps", label: "Steps", unit: "", min: 100, max: 50_000_000 },
  { key: "maxTasks", label: "Tasks", unit: "", min: 10, max: 1_000_000 },
  { key: "maxOutputBytes", label: "Output", unit: "chars", min: 1_000, max: 50_000_000 },
  { key: "maxTraceEvents", label: "Trace events", unit: "", min: 1_000, max: 100_000_000 },
];

/** The i18n keys of a field's name and unit. */
export function fieldLabelKey(field: BudgetField): MessageKey {
  return `limits.${field.key}`;
}

export function fieldUnitKey(field: BudgetField): MessageKey | undefined {
  return field.unit === "" ? undefined : `limits.unit.${field.unit}`;
}

/** `value` clamped into the field's range; undefined when it is not a number at all. */
export function clampBudgetValue(field: BudgetField, value: number): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  const rounded = field.key === "wallClockS" || field.key === "virtualHorizonS" ? value : Math.round(value);
  return Math.min(field.max, Math.max(field.min, rounded));
}

/** Reads a stored budget; anything unreadable or missing falls back to the default, field by field. */
export function parseStoredBudget(text: string | null | undefined): RunBudget {
  if (text === null || text === undefined) return DEFAULT_BUDGET;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return DEFAULT_BUDGET;
  }
  if (typeof data !== "object" || data === null) return DEFAULT_BUDGET;
  const stored = data as Record<string, unknown>;
  const budget: Record<string, number> = { ...(DEFAULT_BUDGET as unknown as Record<string, number>) };
  for (const field of BUDGET_FIELDS) {
    const raw = stored[field.key];
    const value = typeof raw === "number" ? clampBudgetValue(field, raw) : undefined;
    if (value !== undefined) budget[field.key] = value;
  }
  return budget as unknown as RunBudget;
}

export interface BudgetStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function loadBudget(storage: BudgetStorage | undefined): RunBudget {
  try {
    return parseStoredBudget(storage?.getItem(BUDGET_KEY));
  } catch {
    return DEFAULT_BUDGET;
  }
}

export function saveBudget(storage: BudgetStorage | undefined, budget: RunBudget): void {
  try {
    storage?.setItem(BUDGET_KEY, JSON.stringify(budget));
  } catch {
    // Private mode or a full quota: the settings still apply to this page.
  }
}
