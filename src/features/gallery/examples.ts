/** The gallery's examples, bundled: the catalog plus every program's text (Vite `?raw`). */
import { buildCatalog, type Example } from "./catalog";
import rawCatalog from "./programs/catalog.json";

const files = import.meta.glob<string>("./programs/*.py", { query: "?raw", import: "default", eager: true });
const programs = Object.fromEntries(Object.entries(files).map(([path, text]) => [path.slice(path.lastIndexOf("/") + 1), text]));

export const EXAMPLES: readonly Example[] = buildCatalog(rawCatalog, programs);

export function findExample(id: string | undefined): Example | undefined {
  return id === undefined ? undefined : EXAMPLES.find((e) => e.id === id);
}
