import { useMemo } from "react";
import { selectTrace, selectTraceVersion, useAppStore, useAppStoreApi } from "../../store";
import { useT } from "../i18n";
import { generatorStories } from "./handoffs";
import "./generators.css";

/** At most this many handoffs are listed per generator (the rest are counted). */
const MAX_SHOWN = 200;

/**
 * What passed between each generator and its driver: `next()` / `send(x)` in, `yielded v` out with
 * the line where the generator paused. Shown only when the run drew generator lanes.
 */
export function GeneratorsPanel() {
  const trace = useAppStore(selectTrace);
  const version = useAppStore(selectTraceVersion);
  // `version` is what changes when the mutable trace grows.
  const stories = useMemo(() => (version >= 0 ? generatorStories(trace) : []), [trace, version]);
  const t = useT();
  const store = useAppStoreApi();
  if (stories.length === 0) return null;
  return (
    <section className="generators" aria-label={t("generators.heading")} data-testid="generators">
      <div className="generators__head">{t("generators.heading")}</div>
      {stories.map((story) => (
        <div key={story.id} className="generators__lane" data-testid="generator" data-task={story.name}>
          <button type="button" className="generators__name" onClick={() => store.getState().selectTask(story.id)}>
            {story.name}
          </button>
          <ol className="generators__handoffs">
            {story.handoffs.slice(0, MAX_SHOWN).map((h, i) => (
              <li key={i} data-testid="handoff" data-dir={h.dir} data-line={h.line} className={`generators__handoff generators__handoff--${h.dir}`}>
                <span className="generators__dir">{h.dir === "in" ? `→ ${t("generators.in")}` : `← ${t("generators.out")}`}</span>
                <span className="generators__text">{h.text}</span>
                {h.line > 0 && (
                  <button type="button" className="generators__line" onClick={() => store.getState().revealLine(h.line)}>
                    {t("generators.atLine", { line: h.line })}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {story.handoffs.length > MAX_SHOWN && <div className="generators__more">{t("generators.more", { count: story.handoffs.length - MAX_SHOWN })}</div>}
        </div>
      ))}
    </section>
  );
}
