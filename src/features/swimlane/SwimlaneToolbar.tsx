import type { RelationKind } from "../../model/relations";
import { RELATION_ENTRIES, type Palette } from "./palette";

export interface SwimlaneToolbarProps {
  readonly enabled: ReadonlySet<RelationKind>;
  readonly onToggleRelation: (kind: RelationKind) => void;
  readonly isFollowing: boolean;
  readonly onToggleFollow: () => void;
  readonly onFit: () => void;
  readonly palette: Palette;
}

/** Above the lanes: which relation arrows are drawn, follow-the-end, fit, and a reminder of the keys. */
export function SwimlaneToolbar({ enabled, onToggleRelation, isFollowing, onToggleFollow, onFit, palette }: SwimlaneToolbarProps) {
  return (
    <div className="swimlane-toolbar">
      <div className="swimlane-toolbar__group" role="group" aria-label="Arrows">
        <span className="swimlane-toolbar__caption">Arrows:</span>
        {RELATION_ENTRIES.map((entry) => (
          <button
            key={entry.kind}
            type="button"
            className="swimlane-chip"
            aria-pressed={enabled.has(entry.kind)}
            title={entry.title}
            data-testid={`arrows-${entry.kind}`}
            onClick={() => onToggleRelation(entry.kind)}
          >
            <span className="swimlane-chip__line" style={{ background: palette.relation[entry.kind] }} aria-hidden="true" />
            {entry.label}
          </button>
        ))}
      </div>
      <div className="swimlane-toolbar__group">
        <button
          type="button"
          className="swimlane-chip"
          aria-pressed={isFollowing}
          title="While the program runs, keep the end of the run in view"
          data-testid="follow"
          onClick={onToggleFollow}
        >
          Follow
        </button>
        <button type="button" className="swimlane-chip" title="Show the whole run (F or double-click)" data-testid="fit" onClick={onFit}>
          Fit
        </button>
        <span
          className="swimlane-toolbar__hint"
          title="Ctrl/⌘+wheel, pinch or W/S: zoom · drag, Shift+wheel or A/D: pan · wheel: scroll lanes · drag on the axis: zoom to that range · F or double-click: fit · click a lane: select it"
        >
          keys
        </span>
      </div>
    </div>
  );
}
