import type { ReactNode } from "react";

/** A titled region of the page with an optional toolbar on the right of its title. */
export function Panel({
  title,
  tools,
  footer,
  className,
  children,
}: {
  readonly title: string;
  readonly tools?: ReactNode;
  readonly footer?: ReactNode;
  readonly className?: string;
  readonly children: ReactNode;
}) {
  return (
    <section className={`panel${className === undefined ? "" : ` ${className}`}`} aria-label={title}>
      <header className="panel__header">
        <h2 className="panel__title">{title}</h2>
        {tools !== undefined && <div className="panel__tools">{tools}</div>}
      </header>
      <div className="panel__body">{children}</div>
      {footer !== undefined && <footer className="panel__footer">{footer}</footer>}
    </section>
  );
}
