import { useEffect, useRef, type ChangeEvent } from "react";
import type { RunBudget } from "../../protocol/messages";
import { selectBudget, selectSetBudget, useAppStore } from "../../store";
import { useT } from "../i18n";
import { BUDGET_FIELDS, clampBudgetValue, fieldLabelKey, fieldUnitKey, loadBudget, saveBudget, type BudgetField, type BudgetStorage } from "./budgetSettings";

function browserStorage(): BudgetStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * A small popover to raise the run budgets (real time, virtual time, steps, tasks, output, trace events). The
 * values are remembered in this browser and apply from the next Run.
 */
export function RunSettings() {
  const budget = useAppStore(selectBudget);
  const setBudget = useAppStore(selectSetBudget);
  const t = useT();
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
      <summary className="button" title={t("limits.title")}>
        {t("limits.label")}
      </summary>
      <div className="run-settings__panel" role="group" aria-label={t("limits.aria")}>
        <p className="run-settings__note">{t("limits.note")}</p>
        {BUDGET_FIELDS.map((field) => {
          const unit = fieldUnitKey(field);
          return (
            <label key={field.key} className="run-settings__field">
              <span>
                {t(fieldLabelKey(field))}
                {unit !== undefined && ` (${t(unit)})`}
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
          );
        })}
      </div>
    </details>
  );
}
