import { Fragment } from "react";
import type { TreeLine } from "./treeLines";

/** The tree's rows in a `<pre>`. */
export function TreeText({ lines }: { readonly lines: readonly TreeLine[] }) {
  return (
    // One row per task; the newlines between rows keep the element's text the tree's text (a flex
    // container does not draw them). A long row wraps under its own words.
    <pre className="pstree__text" data-testid="pstree">
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 && "\n"}
          <span className="pstree__line" title={line.prefix + line.body}>
            <span className="pstree__branch">{line.prefix}</span>
            <span className="pstree__words">{line.body}</span>
          </span>
        </Fragment>
      ))}
    </pre>
  );
}
