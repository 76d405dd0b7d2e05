/**
 * Whether a program defines a FastAPI-style web app, and the routes it declares, read from the
 * source (the Requests panel appears for such programs). Pure: no editor, no worker.
 */
import type { HttpRequestSpec } from "../../protocol/messages";
import { err, ok, type Result } from "../../lib/result";

export type HttpMethod = HttpRequestSpec["method"];
export const HTTP_METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "DELETE"];

export interface WebRoute {
  readonly method: HttpMethod;
  readonly path: string;
}

const APP = /\bFastAPI\s*\(/;
const ROUTE = /@\w+\.(get|post|put|delete)\(\s*(?:path\s*=\s*)?["']([^"']+)["']/g;

/** The declared routes, in source order; undefined when the program creates no FastAPI app. */
export function webAppRoutes(source: string): readonly WebRoute[] | undefined {
  if (!APP.test(source)) return undefined;
  return [...source.matchAll(ROUTE)].map((m) => ({ method: m[1]!.toUpperCase() as HttpMethod, path: m[2]! }));
}

/** Most copies of one request the panel sends at once. */
export const MAX_COPIES = 1000;

/** Checks the panel's fields; the error is a sentence for the person who typed them. */
export function requestSpec(method: HttpMethod, path: string, copies: number, staggerS: number): Result<HttpRequestSpec, string> {
  const trimmed = path.trim();
  if (!trimmed.startsWith("/")) return err("The path must start with /, e.g. /orders?burgers=3");
  if (!Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES) return err(`Copies must be a whole number from 1 to ${MAX_COPIES}.`);
  if (!Number.isFinite(staggerS) || staggerS < 0 || staggerS > 3600) return err("The stagger must be between 0 and 3600 seconds.");
  return ok({ method, path: trimmed, copies, staggerS });
}
