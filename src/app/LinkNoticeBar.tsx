import type { LinkNotice } from "./openShareLink";

/** Says that the program came from a link, or why the link could not be opened. */
export function LinkNoticeBar({ notice, onDismiss }: { readonly notice: LinkNotice; readonly onDismiss: () => void }) {
  if (notice.kind === "none") return null;
  const isError = notice.kind === "error";
  return (
    <div className={`link-notice${isError ? " link-notice--error" : ""}`} role={isError ? "alert" : undefined}>
      <span className="link-notice__text" data-testid={isError ? "link-error" : "link-banner"}>
        {isError ? `Could not open the link: ${notice.message} The example program is shown instead.` : "Opened the program from the link. Press Run to run it."}
      </span>
      <button type="button" className="link-notice__close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
