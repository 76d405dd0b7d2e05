import { selectAutosave, useAppStore } from "../../store";
import { useT } from "../i18n";
import type { AutosaveController } from "./autosaveController";

/** Says when autosave is off or paused by another tab; nothing while it simply works. */
export function AutosaveNotice({ controller }: { readonly controller: AutosaveController }) {
  const t = useT();
  const status = useAppStore(selectAutosave);
  if (status.kind === "on") return null;
  if (status.kind === "off") {
    return (
      <div className="link-notice link-notice--warn" role="status" data-testid="autosave-off" data-reason={status.reason}>
        <span className="link-notice__text">{t(status.reason === "full" ? "autosave.off.full" : "autosave.off.unavailable")}</span>
      </div>
    );
  }
  return (
    <div className="link-notice link-notice--warn" role="alert" data-testid="autosave-conflict">
      <span className="link-notice__text">{t("autosave.conflict")}</span>
      <button type="button" className="button button--small" data-testid="autosave-take-theirs" onClick={controller.takeTheirs}>
        {t("autosave.takeTheirs")}
      </button>
      <button type="button" className="button button--small" data-testid="autosave-keep-mine" onClick={controller.keepMine}>
        {t("autosave.keepMine")}
      </button>
    </div>
  );
}
