import { useEffect, useRef } from "react";
import { useT } from "../features/i18n";
import { modKey } from "./shortcuts";

/** The keyboard shortcuts, opened with `?`. */
export function HelpOverlay({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (dialog.current !== null && !dialog.current.open) dialog.current.showModal();
  }, []);
  const rows: readonly (readonly [string, string])[] = [
    [`${modKey()}+Enter`, t("help.run")],
    ["Esc", t("help.stop")],
    [`${modKey()}+S`, t("help.share")],
    ["?", t("help.help")],
  ];
  return (
    <dialog ref={dialog} className="dialog help-dialog" aria-labelledby="help-heading" data-testid="help" onClose={onClose} onCancel={onClose}>
      <header className="dialog__header">
        <h2 id="help-heading" className="dialog__title">
          {t("help.heading")}
        </h2>
        <button type="button" className="dialog__close" aria-label={t("close")} onClick={onClose}>
          ×
        </button>
      </header>
      <table className="help-dialog__keys">
        <tbody>
          {rows.map(([keys, what]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dialog__text">{t("help.about")}</p>
    </dialog>
  );
}
