import { selectLocale, useAppStore } from "../../store";
import { Dialog } from "../dialog";
import { useT } from "../i18n";
import type { Example } from "./catalog";
import { EXAMPLES } from "./examples";

/** The list of examples; choosing one calls `onChoose` (the page opens it beside the draft). */
export function GalleryDialog({ onChoose, onClose }: { readonly onChoose: (example: Example) => void; readonly onClose: () => void }) {
  const t = useT();
  const locale = useAppStore(selectLocale);
  return (
    <Dialog title={t("gallery.heading")} className="gallery-dialog" testId="gallery-dialog" onClose={onClose}>
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
    </Dialog>
  );
}
