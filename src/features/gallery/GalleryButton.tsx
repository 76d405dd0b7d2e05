import { useState } from "react";
import { selectOpenBorrowed, useAppStore } from "../../store";
import { useT } from "../i18n";
import { GalleryDialog } from "./GalleryDialog";

/** "Examples": opens the gallery; an example opens beside the draft, never over it. */
export function GalleryButton() {
  const t = useT();
  const [isOpen, setOpen] = useState(false);
  const openBorrowed = useAppStore(selectOpenBorrowed);
  return (
    <>
      <button type="button" className="button" data-testid="gallery" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t("gallery.button")}
      </button>
      {isOpen && (
        <GalleryDialog
          onClose={() => setOpen(false)}
          onChoose={(example) => {
            openBorrowed(example.source, { kind: "example", exampleId: example.id });
            setOpen(false);
          }}
        />
      )}
    </>
  );
}
