/**
 * The Python memory snapshot (README "Startup"): a booted interpreter's whole wasm memory, taken
 * once by a `snapshot-maker` worker right after Taskline is installed and warmed up, kept in the
 * origin's Cache Storage, and restored by later boots instead of starting CPython, importing
 * asyncio and installing Taskline again (≈ 0.2 s instead of ≈ 2.5 s).
 *
 * - **Never stale.** The key names the Pyodide version and a SHA-256 of everything the snapshot
 *   holds that we ship: the Python sources, the boot script and SNAPSHOT_FORMAT. A new deploy
 *   has a new key; storing a snapshot deletes every other entry.
 * - **Never corrupt.** The stored body carries its own SHA-256 (checked while the runtime
 *   downloads and compiles) and Pyodide checks its magic number and build id; a snapshot that
 *   fails anywhere is deleted and the interpreter boots in full.
 * - **Never a way around the lockdown.** JavaScript objects Python holds are restored by their
 *   path from the worker's global scope before lockdown runs; a snapshot that would hand Python
 *   anything lockdown removes (fetch, caches, postMessage, …) is refused when it is made.
 *
 * The pure parts (key, header, checks) are unit-tested in ./snapshot.test.ts.
 */
import { REMOVED_GLOBALS, REMOVED_NAVIGATOR } from "./lockdown";

/** The Cache Storage cache the snapshot lives in (one entry). Clearing site data removes it. */
export const SNAPSHOT_CACHE = "taskline-python-snapshot";
/** Bump when the way a snapshot is made or restored changes in a way the digest cannot see. */
export const SNAPSHOT_FORMAT = 1;
/** Response header holding the SHA-256 (hex) of the stored body. */
export const DIGEST_HEADER = "x-taskline-sha256";

/** Pyodide's snapshot layout (pyodide.asm.mjs makeSnapshot): a 48-byte header, JSON, then the heap. */
const PYODIDE_SNAPSHOT_MAGIC = 1886286592;
const PYODIDE_SNAPSHOT_HEADER_BYTES = 48;

/** What the snapshot's identity is computed from, in a stable order. */
export function snapshotIdentityText(sources: Readonly<Record<string, string>>, bootScript: string): string {
  const parts = [`format ${SNAPSHOT_FORMAT}`, `boot ${bootScript}`];
  for (const path of Object.keys(sources).sort()) parts.push(`file ${path} ${sources[path]!.length}\n${sources[path]}`);
  return parts.join("\n");
}

/** The cache key (a URL beside the runtime files, as Cache Storage wants one). */
export function snapshotKey(pyodideUrl: string, pyodideVersion: string, identityDigest: string): string {
  const url = new URL("taskline-python-snapshot", pyodideUrl);
  url.searchParams.set("pyodide", pyodideVersion);
  url.searchParams.set("id", identityDigest);
  return url.href;
}

export async function sha256Hex(data: Uint8Array<ArrayBuffer> | string): Promise<string> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The paths (from the worker's global scope) of the JavaScript objects the snapshot's Python holds,
 * read from Pyodide's header; undefined when the bytes are not a Pyodide snapshot.
 */
export function snapshotJsPaths(bytes: Uint8Array): string[][] | undefined {
  if (bytes.byteLength < PYODIDE_SNAPSHOT_HEADER_BYTES) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== PYODIDE_SNAPSHOT_MAGIC) return undefined;
  const jsonBytes = view.getUint32(8, true);
  if (PYODIDE_SNAPSHOT_HEADER_BYTES + jsonBytes > bytes.byteLength) return undefined;
  try {
    const state: unknown = JSON.parse(new TextDecoder().decode(bytes.subarray(PYODIDE_SNAPSHOT_HEADER_BYTES, PYODIDE_SNAPSHOT_HEADER_BYTES + jsonBytes)));
    const keys = (state as { hiwireKeys?: unknown }).hiwireKeys;
    if (!Array.isArray(keys)) return undefined;
    const paths: string[][] = [];
    for (const key of keys) {
      const path = (key as { path?: unknown } | null)?.path;
      if (Array.isArray(path)) paths.push(path.map(String));
    }
    return paths;
  } catch {
    return undefined;
  }
}

/** The held objects the lockdown would have taken away (a snapshot holding any is refused). */
export function forbiddenJsPaths(paths: readonly (readonly string[])[]): string[] {
  const removed = new Set<string>([...REMOVED_GLOBALS, ...REMOVED_NAVIGATOR]);
  return paths.filter((path) => path.some((name) => removed.has(name))).map((path) => path.join("."));
}

/** The part of Cache Storage's `Cache` used here (a fake in tests). */
export interface SnapshotCache {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
  delete(key: string): Promise<boolean>;
  keys(): Promise<readonly Request[]>;
}

/** Reads a stored snapshot and checks it against its digest; throws when it does not match. */
export async function readStoredSnapshot(response: Response): Promise<Uint8Array<ArrayBuffer>> {
  const expected = response.headers.get(DIGEST_HEADER);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (expected === null || (await sha256Hex(bytes)) !== expected) throw new Error("the stored Python snapshot does not match its checksum");
  return bytes;
}

/** Stores a snapshot under `key` with its digest, and deletes every other entry (older deploys). */
export async function storeSnapshot(cache: SnapshotCache, key: string, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  const headers = { "Content-Type": "application/octet-stream", [DIGEST_HEADER]: await sha256Hex(bytes) };
  await cache.put(key, new Response(bytes, { headers }));
  for (const request of await cache.keys()) if (request.url !== key) await cache.delete(request.url);
}
