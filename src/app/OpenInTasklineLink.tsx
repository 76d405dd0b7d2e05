import { useT } from "../features/i18n";
import { openInTasklineUrl, shareInputOf } from "../features/share";
import { DEFAULT_SOURCE, selectSource, useAppStore, useAppStoreApi } from "../store";

/**
 * The embed's way out: the full playground in a new tab with the same program (the embed's own
 * link while unchanged, the reader's edits otherwise). The address is recomputed at click time,
 * so edits not yet debounced into the store go along too.
 */
export function OpenInTasklineLink() {
  const t = useT();
  const store = useAppStoreApi();
  useAppStore(selectSource); // re-render (new href) when the program changes
  const href = () => openInTasklineUrl(window.location.href, shareInputOf(store.getState()), DEFAULT_SOURCE);
  return (
    <a
      className="button button--small embed-bar__open"
      data-testid="open-in-taskline"
      href={href()}
      target="_blank"
      rel="noopener"
      title={t("embed.openTitle")}
      onClick={(event) => {
        event.currentTarget.href = href();
      }}
    >
      {t("embed.open")} ↗
    </a>
  );
}
