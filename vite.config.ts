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

export default defineConfig({
  // Relative asset URLs: the build works from any static server and any sub-path.
  base: "./",
  plugins: [react(), pyodideAssets()],
  optimizeDeps: { exclude: ["pyodide"] },
  worker: { format: "es" },
  build: { target: "es2022", chunkSizeWarningLimit: 6000 },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
