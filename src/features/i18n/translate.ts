/** Pure lookups of the UI's texts: `translate(locale, key, params)`, and the browser-language guess. */
import type { Locale } from "../../store";
import { EN, ZH_CN, type MessageKey } from "./messages";

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

const TABLES: Record<Locale, Record<MessageKey, string>> = { en: EN, "zh-CN": ZH_CN };

/** Each language's own name, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "中文" };

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = TABLES[locale][key] ?? EN[key];
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? formatParam(locale, params[name]!) : whole));
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/** One number format per locale: `toLocaleString` builds a new formatter on every call (~10 µs). */
const NUMBER_FORMATS: Readonly<Record<Locale, Intl.NumberFormat>> = { en: new Intl.NumberFormat("en"), "zh-CN": new Intl.NumberFormat("zh-CN") };

function formatParam(locale: Locale, value: string | number): string {
  return typeof value === "number" ? NUMBER_FORMATS[locale].format(value) : value;
}

/** The UI language for the browser's preferred languages: Chinese for any `zh*`, else English. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith("zh")) return "zh-CN";
    if (lower.startsWith("en")) return "en";
  }
  return "en";
}
