/**
 * The web UI's build: web/ → dist/web/, which `laut serve` serves. Preact through the automatic
 * JSX runtime of Vite's own transformer (oxc), so no plugin is needed; no network at build or
 * run time. `npm run build` runs this after tsc.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  publicDir: false,
  logLevel: "warn",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  // `npm run dev:web` next to `laut serve`: the page reloads on edits, the API stays laut's
  server: {
    proxy: Object.fromEntries(
      ["/api", "/docs", "/openapi.json"].map((path) => [path, "http://127.0.0.1:4180"]),
    ),
  },
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: false,
  },
});
