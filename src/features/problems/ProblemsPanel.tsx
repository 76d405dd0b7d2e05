import { useMemo } from "react";
import { selectTrace, selectTraceVersion, useAppStore, useAppStoreApi } from "../../store";
import { useT } from "../i18n";
import type { MessageKey } from "../i18n";
import { shownProblemsOf, type Problem } from "./problems";
import "./problems.css";

/** Short names of the problem kinds the worker reports; an unknown kind shows its code. */
const KIND_LABEL: Readonly<Record<string, MessageKey>> = {
  "never-awaited": "problems.kind.neverAwaited",
  "exception-never-retrieved": "problems.kind.neverRetrieved",
  "destroyed-pending": "problems.kind.destroyedPending",
  "blocking-call": "problems.kind.blockingCall",
  "slow-step": "problems.kind.slowStep",
  deadlock: "problems.kind.deadlock",
  "await-cycle": "problems.kind.awaitCycle",
  "exception-in-callback": "problems.kind.callback",
};

/**
 * Every problem of the run (what asyncio itself warns about, blocking, deadlocks, await cycles):
 * kind, task and line; choosing one shows its line in the editor and selects its task. A deadlocked
 * cycle is listed once (see `collapseProblems`).
 */
export function ProblemsPanel() {
  const trace = useAppStore(selectTrace);
  const version = useAppStore(selectTraceVersion);
  // `version` is what changes when the mutable trace grows.
  const problems = useMemo(() => (version >= 0 ? shownProblemsOf(trace) : []), [trace, version]);
  const t = useT();
  const store = useAppStoreApi();
  const choose = (p: Problem) => {
    const state = store.getState();
    if (p.line > 0) state.revealLine(p.line);
    if (p.task > 0) state.selectTask(p.task);
  };
  return (
    <section className="problems" aria-label={t("problems.heading")} data-testid="problems">
      <div className="problems__head">
        <span>{t("problems.heading")}</span>
        <span className={`problems__count${problems.length > 0 ? " problems__count--some" : ""}`} data-testid="problems-count" aria-label={t("problems.count", { count: problems.length })}>
          {problems.length}
        </span>
      </div>
      {problems.length === 0 ? (
        <p className="problems__none">{t("problems.none")}</p>
      ) : (
        <ul className="problems__list">
          {problems.map((p, i) => {
            const key = KIND_LABEL[p.code];
            return (
              <li key={i} data-testid="problem" data-kind={p.code} data-line={p.line} data-task={p.taskName}>
                <button type="button" className="problems__item" onClick={() => choose(p)} title={p.line > 0 ? t("problems.show", { line: p.line }) : undefined}>
                  <span className="problems__kind">{key === undefined ? p.code : t(key)}</span>
                  <span className="problems__where">
                    {p.taskName === "" ? t("problems.outside") : p.taskName}
                    {p.line > 0 && ` · ${t("problems.line", { line: p.line })}`}
                  </span>
                  <span className="problems__message">{p.message}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
