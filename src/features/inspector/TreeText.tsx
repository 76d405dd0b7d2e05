import { Fragment } from "react";
import { keepTogether, type TreeLine } from "./treeLines";

/** The tree's rows in a `<pre>`. */
export function TreeText({ lines }: { readonly lines: readonly TreeLine[] }) {
  return (
    // One row per task; the newlines between rows keep the element's text the tree's text (a flex
    // container does not draw them). A long row wraps under its own words, never inside a
    // duration or a line reference.
    <pre className="pstree__text" data-testid="pstree">
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 && "\n"}
          <span className="pstree__line" title={line.prefix + line.body}>
            <span className="pstree__branch">{line.prefix}</span>
            <span className="pstree__words">
              {keepTogether(line.body).map((piece, j) => (j % 2 === 1 ? <span key={j} className="pstree__keep">{piece}</span> : piece))}
            </span>
          </span>
        </Fragment>
      ))}
    </pre>
  );
}
