import type { RelationKind } from "../../model/relations";
import { RELATION_ENTRIES, type Palette } from "./palette";
import { useSwimlaneWords } from "./useSwimlaneWords";

export interface SwimlaneToolbarProps {
  readonly enabled: ReadonlySet<RelationKind>;
  readonly onToggleRelation: (kind: RelationKind) => void;
  readonly isFollowing: boolean;
  readonly onToggleFollow: () => void;
  readonly onFit: () => void;
  readonly palette: Palette;
}

/** Above the lanes: which relation arrows are drawn, what the lane marks mean, follow-the-end, fit, and a reminder of the keys. */
export function SwimlaneToolbar({ enabled, onToggleRelation, isFollowing, onToggleFollow, onFit, palette }: SwimlaneToolbarProps) {
  const { t } = useSwimlaneWords();
  return (
    <div className="swimlane-toolbar">
      <div className="swimlane-toolbar__group" role="group" aria-label={t("swimlane.arrows.group")}>
        <span className="swimlane-toolbar__caption">{t("swimlane.arrows")}</span>
        {RELATION_ENTRIES.map((entry) => (
          <button
            key={entry.kind}
            type="button"
            className="swimlane-chip"
            aria-pressed={enabled.has(entry.kind)}
            title={t(entry.title)}
            data-testid={`arrows-${entry.kind}`}
            onClick={() => onToggleRelation(entry.kind)}
          >
            <span className="swimlane-chip__line" style={{ background: palette.relation[entry.kind] }} aria-hidden="true" />
            {t(entry.label)}
          </button>
        ))}
      </div>
      {/* What the marks on a lane mean (painted in paintMarks: a tick per print, a triangle per warning). */}
      <div className="swimlane-toolbar__group swimlane-marks-key" data-testid="marks-key" title={t("swimlane.marks.title")}>
        <span className="swimlane-mark swimlane-mark--output" style={{ background: palette.mark.output }} aria-hidden="true" />
        {t("swimlane.marks.output")}
        <span className="swimlane-mark swimlane-mark--warning" style={{ borderTopColor: palette.mark.warning }} aria-hidden="true" />
        {t("swimlane.marks.warning")}
      </div>
      <div className="swimlane-toolbar__group">
        <button
          type="button"
          className="swimlane-chip"
          aria-pressed={isFollowing}
          title={t("swimlane.follow.title")}
          data-testid="follow"
          onClick={onToggleFollow}
        >
          {t("swimlane.follow")}
        </button>
        <button type="button" className="swimlane-chip" title={t("swimlane.fit.title")} data-testid="fit" onClick={onFit}>
          {t("swimlane.fit")}
        </button>
        <span
          className="swimlane-toolbar__hint"
          title={t("swimlane.keys.title")}
        >
          {t("swimlane.keys")}
        </span>
      </div>
    </div>
  );
}
