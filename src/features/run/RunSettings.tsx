import { useEffect, useRef, type ChangeEvent } from "react";
import type { RunBudget } from "../../protocol/messages";
import { selectBudget, selectSetBudget, useAppStore } from "../../store";
import { BUDGET_FIELDS, clampBudgetValue, loadBudget, saveBudget, type BudgetField, type BudgetStorage } from "./budgetSettings";

function browserStorage(): BudgetStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * A small popover to raise the run budgets (real time, virtual time, steps, tasks, output). The
 * values are remembered in this browser and apply from the next Run.
 */
export function RunSettings() {
  const budget = useAppStore(selectBudget);
  const setBudget = useAppStore(selectSetBudget);
  const loaded = useRef(false);

  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    setBudget(loadBudget(browserStorage()));
  }, [setBudget]);

  const change = (field: BudgetField) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = clampBudgetValue(field, event.target.valueAsNumber);
    if (value === undefined) return;
    const next: RunBudget = { ...budget, [field.key]: value };
    setBudget(next);
    saveBudget(browserStorage(), next);
  };

  return (
    <details className="run-settings" data-testid="run-settings">
      <summary className="button" title="Limits that stop a runaway program">
        Limits
      </summary>
      <div className="run-settings__panel" role="group" aria-label="Run limits">
        <p className="run-settings__note">A run that reaches a limit stops and keeps what it recorded.</p>
        {BUDGET_FIELDS.map((field) => (
          <label key={field.key} className="run-settings__field">
            <span>
              {field.label}
              {field.unit !== "" && ` (${field.unit})`}
            </span>
            <input
              type="number"
              min={field.min}
              max={field.max}
              value={budget[field.key] ?? ""}
              onChange={change(field)}
              data-testid={`budget-${field.key}`}
            />
          </label>
        ))}
      </div>
    </details>
  );
}
