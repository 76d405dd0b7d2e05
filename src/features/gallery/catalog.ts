/**
 * The examples gallery's catalog: `programs/catalog.json` (titles and one-line lessons in English
 * and Chinese, the intended ending) joined with the `.py` files beside it. The same files are run
 * by the Python suite (tests/test_gallery.py) and the e2e suite (e2e/gallery.spec.ts).
 */
import type { Locale } from "../../store";

/** How an example is meant to end: `done`, `error` (an uncaught exception), `deadlock` (stopped). */
export type IntendedEnd = "done" | "error" | "deadlock";

export interface Example {
  /** Stable id, used in share links (`ex`). */
  readonly id: string;
  readonly source: string;
  readonly end: IntendedEnd;
  readonly title: Readonly<Record<Locale, string>>;
  readonly lesson: Readonly<Record<Locale, string>>;
}

/** Builds the examples from the raw catalog and program files; entries that do not check out are left out. */
export function buildCatalog(raw: unknown, programs: Readonly<Record<string, string>>): readonly Example[] {
  if (!Array.isArray(raw)) return [];
  const examples: Example[] = [];
  for (const entry of raw as unknown[]) {
    if (typeof entry !== "object" || entry === null) continue;
    const { id, file, end, title, lesson } = entry as Record<string, unknown>;
    if (typeof id !== "string" || typeof file !== "string" || !isIntendedEnd(end)) continue;
    const source = programs[file];
    const titles = bilingual(title);
    const lessons = bilingual(lesson);
    if (source === undefined || titles === undefined || lessons === undefined) continue;
    examples.push({ id, source, end, title: titles, lesson: lessons });
  }
  return examples;
}

function isIntendedEnd(value: unknown): value is IntendedEnd {
  return value === "done" || value === "error" || value === "deadlock";
}

function bilingual(value: unknown): Record<Locale, string> | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { en, "zh-CN": zh } = value as Record<string, unknown>;
  return typeof en === "string" && typeof zh === "string" ? { en, "zh-CN": zh } : undefined;
}
