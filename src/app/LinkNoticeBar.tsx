import { findExample } from "../features/gallery";
import { useT, type Translate } from "../features/i18n";
import { MAX_SOURCE_CHARS, type ShareLinkError } from "../share/link";
import { selectBuffer, selectCanRun, selectLocale, selectStartRun, useAppStore } from "../store";
import type { LinkNotice } from "./openShareLink";

/**
 * Under the header: why a link could not be opened (`link-error`), or, while a program from a
 * link or the gallery is shown instead of the draft, where it came from (`link-banner` /
 * `example-banner`) with Run, "keep as my draft" and "back to my draft".
 */
export function LinkNoticeBar({
  notice,
  onDismiss,
  onBackToDraft,
  onKeepAsDraft,
}: {
  readonly notice: LinkNotice;
  readonly onDismiss: () => void;
  readonly onBackToDraft: () => void;
  readonly onKeepAsDraft: () => void;
}) {
  const t = useT();
  const buffer = useAppStore(selectBuffer);
  const locale = useAppStore(selectLocale);
  const canRun = useAppStore(selectCanRun);
  const startRun = useAppStore(selectStartRun);

  return (
    <>
      {notice.kind === "error" && (
        <div className="link-notice link-notice--error" role="alert">
          <span className="link-notice__text" data-testid="link-error" data-error={notice.error}>
            {t("link.error", { message: describeLinkError(t, notice.error) })}
          </span>
          <button type="button" className="link-notice__close" aria-label={t("dismiss")} onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
      {buffer.kind === "borrowed" && (
        <div className="link-notice">
          <span className="link-notice__text" data-testid={buffer.origin.kind === "link" ? "link-banner" : "example-banner"}>
            {buffer.origin.kind === "example"
              ? t("link.bannerExample", { title: findExample(buffer.origin.exampleId)?.title[locale] ?? buffer.origin.exampleId })
              : t("link.banner")}
            <span className="link-notice__hint"> {t("link.unsaved")}</span>
          </span>
          <button type="button" className="button button--small button--primary" data-testid="banner-run" disabled={!canRun} onClick={() => startRun()}>
            ▶ {t("link.run")}
          </button>
          <button type="button" className="button button--small" data-testid="keep-as-draft" title={t("link.keepTitle")} onClick={onKeepAsDraft}>
            {t("link.keep")}
          </button>
          <button type="button" className="button button--small" data-testid="back-to-draft" onClick={onBackToDraft}>
            {t("link.back")}
          </button>
        </div>
      )}
    </>
  );
}

export function describeLinkError(t: Translate, error: ShareLinkError): string {
  switch (error) {
    case "empty":
      return t("link.error.empty");
    case "corrupt":
      return t("link.error.corrupt");
    case "tooLarge":
      return t("link.error.tooLarge", { limit: MAX_SOURCE_CHARS });
    case "unknownFormat":
      return t("link.error.unknownFormat");
    case "checksum":
      return t("link.error.checksum");
    case "futureFormat":
      return t("link.error.futureFormat");
  }
}
