import { useT } from "../i18n";

/** Opens the share dialog (DESIGN.md §5: `share`). */
export function ShareButton({ shortcut, onOpen }: { readonly shortcut: string; readonly onOpen: () => void }) {
  const t = useT();
  return (
    <button type="button" className="button" data-testid="share" title={t("share.title", { shortcut })} onClick={onOpen}>
      {t("share.button")}
    </button>
  );
}
