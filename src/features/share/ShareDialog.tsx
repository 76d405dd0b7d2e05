import { useEffect, useState } from "react";
import { Dialog } from "../dialog";
import type { MessageKey } from "../i18n";
import { useT } from "../i18n";
import { copyText } from "./copyText";
import { embedUrl, iframeSnippet, markdownLink, shareUrl } from "./shareText";
import { useShareInput } from "./useShareInput";

/** Links longer than this may be cut by chat apps and mail clients. */
const LONG_LINK_CHARS = 2000;

type CopyState = { readonly what: "link" | "markdown" | "embed"; readonly ok: boolean } | undefined;

/**
 * The share dialog: the link (with the program and settings), copy buttons for the link, a
 * Markdown link and an iframe. `copyOnOpen` copies the link at once (Ctrl/⌘+S).
 */
export function ShareDialog({ pageUrl, copyOnOpen, onClose }: { readonly pageUrl: string; readonly copyOnOpen: boolean; readonly onClose: () => void }) {
  const t = useT();
  const readInput = useShareInput();
  const [input] = useState(readInput);
  const url = shareUrl(pageUrl, input);
  const embed = iframeSnippet(embedUrl(pageUrl, input));
  const [copied, setCopied] = useState<CopyState>(undefined);

  const copy = async (what: "link" | "markdown" | "embed") => {
    const text = what === "link" ? url : what === "markdown" ? markdownLink(url, t("share.markdownText")) : embed;
    setCopied({ what, ok: await copyText(text) });
  };

  // Runs after the Dialog's own effect has opened it; once per opening.
  useEffect(() => {
    if (copyOnOpen) void copy("link");
  }, []);

  const confirmation = (what: "link" | "markdown" | "embed") =>
    copied?.what === what ? (
      <span className={`share-dialog__copied${copied.ok ? "" : " share-dialog__copied--failed"}`} role="status" data-testid="share-copied">
        {t(copied.ok ? "share.copied" : "share.copyFailed")}
      </span>
    ) : null;

  const button = (what: "link" | "markdown" | "embed", label: MessageKey, primary = false) => (
    <button type="button" className={`button${primary ? " button--primary" : ""}`} data-testid={`share-copy-${what}`} onClick={() => void copy(what)}>
      {t(label)}
    </button>
  );

  return (
    <Dialog title={t("share.heading")} className="share-dialog" testId="share-dialog" onClose={onClose}>
      <p className="dialog__text">{t("share.explain")}</p>
      <label className="share-dialog__field">
        <span className="field__label">{t("share.url")}</span>
        <input className="share-dialog__input" data-testid="share-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      </label>
      {url.length > LONG_LINK_CHARS && <p className="dialog__hint">{t("share.long", { n: url.length })}</p>}
      <div className="share-dialog__actions">
        {button("link", "share.copy", true)}
        {confirmation("link")}
        {button("markdown", "share.copyMarkdown")}
        {confirmation("markdown")}
      </div>
      <label className="share-dialog__field">
        <span className="field__label">{t("share.embed")}</span>
        <textarea className="share-dialog__input share-dialog__embed" data-testid="share-embed" readOnly rows={3} value={embed} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div className="share-dialog__actions">
        {button("embed", "share.copyEmbed")}
        {confirmation("embed")}
      </div>
    </Dialog>
  );
}
