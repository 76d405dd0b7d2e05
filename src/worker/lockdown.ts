/// <reference lib="webworker" />
/**
 * Takes the worker's ways out away before user code runs. Python can reach every JavaScript
 * global through `import js` / `pyodide_js`, so what is not here cannot be used: no network
 * (fetch, XHR, WebSocket, EventSource, WebTransport), no origin storage (IndexedDB, CacheStorage,
 * OPFS via navigator.storage, the old file-system API), no channels to other contexts
 * (BroadcastChannel, nested workers, the default postMessage channel to the page), no way to
 * end the worker silently (close). Called once Pyodide has loaded its files, which needs fetch.
 *
 * This is defence in depth: the worker also runs under the page's Content-Security-Policy
 * (it is created from a blob: URL, which inherits it), which already refuses connections to
 * other origins and `eval`.
 */

/** Globals removed from the worker, wherever on the prototype chain they live. */
export const REMOVED_GLOBALS = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "WebTransport",
  "EventSource",
  "indexedDB",
  "caches",
  "importScripts",
  "BroadcastChannel",
  "Worker",
  "SharedWorker",
  "postMessage",
  "close",
  "requestFileSystem",
  "webkitRequestFileSystem",
  "requestFileSystemSync",
  "webkitRequestFileSystemSync",
  "webkitResolveLocalFileSystemURL",
  "webkitResolveLocalFileSystemSyncURL",
] as const;

/** Members removed from `navigator`: origin storage and cross-context locks. */
export const REMOVED_NAVIGATOR = ["storage", "locks", "serviceWorker", "sendBeacon"] as const;

function removeEverywhere(target: object, name: string): void {
  for (let o: object | null = target; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(o, name);
    if (descriptor === undefined) continue;
    if (descriptor.configurable) {
      Reflect.deleteProperty(o, name);
    } else if (descriptor.writable) {
      Reflect.set(o, name, undefined);
    }
  }
}

/** Removes the capabilities; returns the names that are still reachable (should be none). */
export function lockDownWorkerScope(scope: WorkerGlobalScope): string[] {
  for (const name of REMOVED_GLOBALS) removeEverywhere(scope, name);
  const nav: object | undefined = (scope as { navigator?: object }).navigator;
  if (nav !== undefined) for (const name of REMOVED_NAVIGATOR) removeEverywhere(nav, name);
  const survivors: string[] = REMOVED_GLOBALS.filter((name) => (scope as unknown as Record<string, unknown>)[name] !== undefined);
  if (nav !== undefined) {
    for (const name of REMOVED_NAVIGATOR) if ((nav as Record<string, unknown>)[name] !== undefined) survivors.push(`navigator.${name}`);
  }
  return survivors;
}
