import { useEffect, useId, useRef, type ReactNode } from "react";
import { useT } from "../i18n";

/**
 * A modal dialog with a title and a close button: opens as a modal when it mounts (focus moves
 * into it, Esc closes it), and calls `onClose` however it is closed. The parent unmounts it then.
 */
export function Dialog({
  title,
  className,
  testId,
  onClose,
  children,
}: {
  readonly title: string;
  /** Added after `dialog`, e.g. "share-dialog". */
  readonly className?: string;
  readonly testId?: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
}) {
  const t = useT();
  const headingId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (dialog.current !== null && !dialog.current.open) dialog.current.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={`dialog${className === undefined ? "" : ` ${className}`}`}
      aria-labelledby={headingId}
      data-testid={testId}
      onClose={onClose}
      onCancel={onClose}
    >
      <header className="dialog__header">
        <h2 id={headingId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="dialog__close" aria-label={t("close")} onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
