import { describe, expect, it } from "vitest";
import {
  DIGEST_HEADER,
  forbiddenJsPaths,
  readStoredSnapshot,
  sha256Hex,
  snapshotIdentityText,
  snapshotJsPaths,
  snapshotKey,
  storeSnapshot,
  type SnapshotCache,
} from "./snapshot";

/** A snapshot laid out as Pyodide's makeSnapshot does: 48-byte header, JSON, then the heap. */
function pyodideSnapshot(state: unknown, heap = new Uint8Array([1, 2, 3, 4])): Uint8Array<ArrayBuffer> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  const offset = Math.ceil((48 + json.length) / 16) * 16;
  const bytes = new Uint8Array(offset + heap.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 1886286592, true);
  view.setUint32(4, offset, true);
  view.setUint32(8, json.length, true);
  bytes.set(json, 48);
  bytes.set(heap, offset);
  return bytes;
}

class FakeCache implements SnapshotCache {
  readonly entries = new Map<string, Response>();
  async match(key: string) {
    return this.entries.get(key)?.clone();
  }
  async put(key: string, response: Response) {
    this.entries.set(key, response);
  }
  async delete(key: string) {
    return this.entries.delete(key);
  }
  async keys() {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}

describe("the snapshot's key", () => {
  const sources = { "./python/taskline/loop.py": "class VirtualLoop: ...", "./python/taskline/__init__.py": "" };

  it("changes when any shipped Python file, the boot script or the Pyodide version changes", async () => {
    const base = snapshotIdentityText(sources, "import taskline");
    expect(snapshotIdentityText({ ...sources, "./python/taskline/loop.py": "class VirtualLoop: pass" }, "import taskline")).not.toBe(base);
    expect(snapshotIdentityText({ ...sources, "./python/fastapi/__init__.py": "" }, "import taskline")).not.toBe(base);
    expect(snapshotIdentityText(sources, "import taskline; taskline.install()")).not.toBe(base);
    const id = await sha256Hex(base);
    expect(snapshotKey("https://example.org/app/pyodide/", "314.0.7", id)).not.toBe(snapshotKey("https://example.org/app/pyodide/", "314.0.8", id));
  });

  it("does not depend on the order the bundler lists the files in", () => {
    const reversed = Object.fromEntries(Object.entries(sources).reverse());
    expect(snapshotIdentityText(reversed, "x")).toBe(snapshotIdentityText(sources, "x"));
  });

  it("is a URL beside the runtime files, so it belongs to the page's own origin and path", () => {
    const key = new URL(snapshotKey("https://example.org/app/pyodide/", "314.0.7", "ab12"));
    expect(key.origin).toBe("https://example.org");
    expect(key.pathname).toBe("/app/pyodide/taskline-python-snapshot");
    expect(key.searchParams.get("id")).toBe("ab12");
  });
});

describe("what a snapshot lets Python hold", () => {
  it("reads the JavaScript paths out of Pyodide's header, and nothing out of other bytes", () => {
    const bytes = pyodideSnapshot({ hiwireKeys: [{ path: ["setTimeout"] }, null, { API: true }, { path: ["navigator", "userAgent"] }], immortalKeys: [] });
    expect(snapshotJsPaths(bytes)).toEqual([["setTimeout"], ["navigator", "userAgent"]]);
    expect(snapshotJsPaths(new Uint8Array(100))).toBeUndefined();
    expect(snapshotJsPaths(new Uint8Array(10))).toBeUndefined();
  });

  it("refuses anything the worker's lockdown removes", () => {
    const paths = [["setTimeout"], ["fetch"], ["self", "caches"], ["navigator", "storage"], ["navigator", "userAgent"]];
    expect(forbiddenJsPaths(paths)).toEqual(["fetch", "self.caches", "navigator.storage"]);
    expect(forbiddenJsPaths([["setTimeout"], ["Object"]])).toEqual([]);
  });
});

describe("a stored snapshot", () => {
  it("is stored with its checksum, replaces older deploys' entries, and reads back intact", async () => {
    const cache = new FakeCache();
    await cache.put("https://x.test/pyodide/taskline-python-snapshot?id=old", new Response("old"));
    const bytes = pyodideSnapshot({ hiwireKeys: [], immortalKeys: [] });
    await storeSnapshot(cache, "https://x.test/pyodide/taskline-python-snapshot?id=new", bytes);
    expect([...cache.entries.keys()]).toEqual(["https://x.test/pyodide/taskline-python-snapshot?id=new"]);
    const stored = await cache.match("https://x.test/pyodide/taskline-python-snapshot?id=new");
    expect(stored?.headers.get(DIGEST_HEADER)).toBe(await sha256Hex(bytes));
    expect(await readStoredSnapshot(stored!)).toEqual(bytes);
  });

  it("is rejected when one byte changed or its checksum is missing", async () => {
    const bytes = pyodideSnapshot({ hiwireKeys: [], immortalKeys: [] });
    const digest = await sha256Hex(bytes);
    const flipped = bytes.slice();
    flipped[flipped.length - 1] = flipped[flipped.length - 1]! ^ 1;
    await expect(readStoredSnapshot(new Response(flipped, { headers: { [DIGEST_HEADER]: digest } }))).rejects.toThrow(/checksum/);
    await expect(readStoredSnapshot(new Response(bytes))).rejects.toThrow(/checksum/);
  });
});
