import { Dialog } from "../features/dialog";
import { useT } from "../features/i18n";
import { helpRows, modKey } from "./shortcuts";

/** The keyboard shortcuts, opened with `?`. */
export function HelpOverlay({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  const rows = helpRows(modKey()).map(([keys, what]) => [keys, t(what)] as const);
  return (
    <Dialog title={t("help.heading")} className="help-dialog" testId="help" onClose={onClose}>
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
    </Dialog>
  );
}
