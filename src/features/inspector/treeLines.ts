/**
 * The await tree's text split for display: each line into its branch drawing ("│   ├── ") and
 * the words after it, so a long line wraps under its own words (a hanging indent) instead of
 * running past the panel's edge, while the element's text stays exactly the tree's text.
 */

/** One line of the tree: `prefix + body` is the line. */
export interface TreeLine {
  readonly prefix: string;
  readonly body: string;
}

const BRANCH = /^[│├└─ ]*/u;

export function treeLines(text: string): readonly TreeLine[] {
  if (text === "") return [];
  return text.split("\n").map((line) => {
    const prefix = BRANCH.exec(line)?.[0] ?? "";
    return { prefix, body: line.slice(prefix.length) };
  });
}

/** A duration ("10 s", "1.5 ms") or a line reference ("(line 13)"): wrapped as a whole or not at all. */
const KEEP_TOGETHER = /(\d+(?:\.\d+)? (?:µs|ms|s|min|h)\b|\(line \d+\))/u;

/**
 * `body` cut into pieces that alternate: text that may wrap anywhere, then a piece to keep on one
 * row (so "sleep 10 s" never wraps between 10 and s), and so on; joined, they are `body`.
 */
export function keepTogether(body: string): readonly string[] {
  return body.split(KEEP_TOGETHER);
}
