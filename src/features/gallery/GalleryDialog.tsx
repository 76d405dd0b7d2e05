import { useEffect, useRef } from "react";
import { selectLocale, useAppStore } from "../../store";
import { useT } from "../i18n";
import type { Example } from "./catalog";
import { EXAMPLES } from "./examples";

/** The list of examples; choosing one calls `onChoose` (the page opens it beside the draft). */
export function GalleryDialog({ onChoose, onClose }: { readonly onChoose: (example: Example) => void; readonly onClose: () => void }) {
  const t = useT();
  const locale = useAppStore(selectLocale);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (dialog.current !== null && !dialog.current.open) dialog.current.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="dialog gallery-dialog" aria-labelledby="gallery-heading" data-testid="gallery-dialog" onClose={onClose} onCancel={onClose}>
      <header className="dialog__header">
        <h2 id="gallery-heading" className="dialog__title">
          {t("gallery.heading")}
        </h2>
        <button type="button" className="dialog__close" aria-label={t("close")} onClick={onClose}>
          ×
        </button>
      </header>
      <p className="dialog__text">{t("gallery.explain")}</p>
      <ol className="gallery-list">
        {EXAMPLES.map((example, i) => (
          <li key={example.id}>
            <button type="button" className="gallery-item" data-testid="gallery-item" data-example={example.id} data-end={example.end} onClick={() => onChoose(example)}>
              <span className="gallery-item__number">{i + 1}</span>
              <span className="gallery-item__body">
                <span className="gallery-item__title">
                  {example.title[locale]}
                  {example.end !== "done" && <span className="gallery-item__end">{t(example.end === "error" ? "gallery.ends.error" : "gallery.ends.deadlock")}</span>}
                </span>
                <span className="gallery-item__lesson">{example.lesson[locale]}</span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </dialog>
  );
}
