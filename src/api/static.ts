/**
 * Serves the built web UI (see web/): hashed files under assets/ with a long cache life, and
 * index.html for every other path, since the UI routes in the browser (/artikel/12, /sprecher/3).
 * Only files inside the UI folder can be read: the request path is resolved and checked.
 */
import { readFile } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import type { Handler } from "hono";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>laut</title>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>The laut web UI is not built</h1><p>Run <code>npm run build</code> in the laut folder and reload.
The API works without it: see <a href="/docs">/docs</a>.</p></body></html>`;

export function serveUi(webRoot: string): Handler {
  const root = resolve(webRoot);
  let index: Promise<string | null> | null = null;
  const indexHtml = () => {
    index ??= readFile(join(root, "index.html"), "utf8").catch(() => {
      index = null; // built later: look again next time
      return null;
    });
    return index;
  };

  return async (c) => {
    const path = decodeURIComponentSafe(c.req.path);
    const extension = extname(path);
    if (path !== "/" && extension !== "" && path !== "/index.html") {
      const file = resolve(root, `.${path}`);
      const type = CONTENT_TYPES[extension];
      if (!type || !file.startsWith(root + sep)) return c.notFound();
      const bytes = await readFile(file).catch(() => null);
      if (!bytes) return c.notFound();
      const immutable = path.startsWith("/assets/");
      return c.body(bytes, 200, {
        "content-type": type,
        "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      });
    }
    const html = await indexHtml();
    if (html === null) return c.html(NOT_BUILT, 503);
    return c.html(html, 200, { "cache-control": "no-cache" });
  };
}

function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
