import { createReadStream, readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

/** The runtime files Pyodide loads at boot; served from our own origin (no CDN, works offline). */
const PYODIDE_FILES = ["pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];
const PYODIDE_DIR = dirname(createRequire(import.meta.url).resolve("pyodide/package.json"));
const CONTENT_TYPES: Record<string, string> = {
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".zip": "application/zip",
  ".json": "application/json",
};

/** Serves `/pyodide/*` from node_modules in dev and copies the same files into the build. */
function pyodideAssets(): Plugin {
  return {
    name: "taskline-pyodide-assets",
    configureServer(server) {
      server.middlewares.use("/pyodide/", (req, res, next) => {
        const name = (req.url ?? "").split("?")[0]!.replace(/^\//, "");
        if (!PYODIDE_FILES.includes(name)) return next();
        const file = join(PYODIDE_DIR, name);
        void stat(file).then((s) => {
          res.setHeader("Content-Type", CONTENT_TYPES[name.slice(name.lastIndexOf("."))] ?? "application/octet-stream");
          res.setHeader("Content-Length", String(s.size));
          createReadStream(file).pipe(res);
        }, next);
      });
    },
    generateBundle() {
      for (const name of PYODIDE_FILES) {
        this.emitFile({ type: "asset", fileName: `pyodide/${name}`, source: readFileSync(join(PYODIDE_DIR, name)) });
      }
    },
  };
}

/** The production policy; index.html carries the same one as a <meta> tag for header-less hosts. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' blob:; worker-src 'self' blob:; connect-src 'self'; " +
  "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; object-src 'none'; " +
  "base-uri 'self'; form-action 'none'; frame-ancestors 'none'";

/**
 * Headers a host should send (README "Hosting"): cross-origin isolation (so Stop can interrupt
 * Python through a SharedArrayBuffer) and the CSP as a header (which also covers frame-ancestors).
 */
export const ISOLATION_HEADERS: Record<string, string> = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
};

/** The dev server needs inline scripts (React refresh) and a websocket (HMR); everything else as in production. */
const DEV_HEADERS: Record<string, string> = {
  ...ISOLATION_HEADERS,
  "Content-Security-Policy": CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    "connect-src 'self' ws: wss:",
  ),
};

/** In dev the <meta> CSP would block Vite's inline preamble; the header above replaces it. */
function devWithoutMetaCsp(): Plugin {
  return {
    name: "taskline-dev-without-meta-csp",
    apply: "serve",
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ""),
  };
}

export default defineConfig({
  server: { headers: DEV_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  // Relative asset URLs: the build works from any static server and any sub-path.
  base: "./",
  plugins: [react(), pyodideAssets(), devWithoutMetaCsp()],
  optimizeDeps: { exclude: ["pyodide"] },
  worker: { format: "es" },
  build: { target: "es2022", chunkSizeWarningLimit: 6000 },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    // Tests assert behaviour, never time; a few build million-row traces, which a busy 2-core CI
    // machine can take longer than the 5 s default over.
    testTimeout: 30_000,
  },
});
