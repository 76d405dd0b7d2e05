import { useState } from "react";
import { HistoryMenu, type AutosaveController } from "../features/autosave";
import { GalleryButton } from "../features/gallery";
import { LanguageSelect, useT } from "../features/i18n";
import { ShareButton, ShareDialog } from "../features/share";
import { useAppStoreApi } from "../store";
import { HelpOverlay } from "./HelpOverlay";
import { modKey } from "./shortcuts";
import { ThemeSelect } from "./ThemeSelect";
import { useGlobalShortcuts } from "./useGlobalShortcuts";

type Overlay = { readonly kind: "none" } | { readonly kind: "share"; readonly copyOnOpen: boolean } | { readonly kind: "help" };

/**
 * The header's right-hand tools: examples, history, share, language, theme, help; and the
 * page-wide shortcuts (Ctrl/⌘+Enter runs, Esc stops, Ctrl/⌘+S shares, ? helps).
 */
export function HeaderTools({ autosave }: { readonly autosave: AutosaveController }) {
  const t = useT();
  const store = useAppStoreApi();
  const [overlay, setOverlay] = useState<Overlay>({ kind: "none" });
  const close = () => setOverlay({ kind: "none" });

  useGlobalShortcuts((action) => {
    switch (action) {
      case "run":
        store.getState().startRun();
        return;
      case "stop":
        store.getState().stopRun();
        return;
      case "share":
        setOverlay({ kind: "share", copyOnOpen: true });
        return;
      case "help":
        setOverlay({ kind: "help" });
        return;
    }
  });

  return (
    <div className="app-header__tools">
      <GalleryButton />
      <HistoryMenu controller={autosave} />
      <ShareButton shortcut={`${modKey()}+S`} onOpen={() => setOverlay({ kind: "share", copyOnOpen: false })} />
      <LanguageSelect />
      <ThemeSelect />
      <button type="button" className="button button--icon" aria-label={t("help.button")} title={`${t("help.button")} (?)`} data-testid="help-button" onClick={() => setOverlay({ kind: "help" })}>
        ?
      </button>
      {overlay.kind === "share" && <ShareDialog pageUrl={window.location.href} copyOnOpen={overlay.copyOnOpen} onClose={close} />}
      {overlay.kind === "help" && <HelpOverlay onClose={close} />}
    </div>
  );
}
