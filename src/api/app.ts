/**
 * The laut HTTP API and the web UI as one Hono app: `createApp(options)` returns a fetch handler
 * that `laut serve` binds to a port and tests call with `app.request()`. Every route is declared
 * with zod schemas, so requests are validated and `/openapi.json` is generated from the same
 * declarations; every failure leaves as `application/problem+json` with a stable code.
 */
import { fileURLToPath } from "node:url";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { VERSION } from "../cli/version.js";
import { isLautError, LautError } from "../errors.js";
import type { Store } from "../store/store.js";
import { docsPage, docsScript } from "./docs.js";
import { errorToResponse, ProblemError, problemOf, problemResponse } from "./problem.js";
import { problemContent, registerReadRoutes } from "./routes.js";
import { ServerInfo } from "./schemas.js";
import { serveUi } from "./static.js";
import { registerWriteRoutes, type WritePolicy } from "./write.js";

export type { WritePolicy } from "./write.js";

export interface AppOptions {
  store: Store;
  /** who may POST /api/articles (default "open": for a server on this machine only) */
  writes?: WritePolicy;
  /** POST /api/analyze may fetch URLs (default false) */
  fetch?: boolean;
  /** the largest request body, in bytes (default 2 MiB) */
  maxBodyBytes?: number;
  /** the built web UI (default: dist/web of this package); null serves the API alone */
  webRoot?: string | null;
}

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** where `npm run build` puts the UI: dist/web, two levels up from src/api or dist/api */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../dist/web/", import.meta.url));

const OPENAPI_INFO = {
  openapi: "3.1.0",
  info: {
    title: "laut",
    version: VERSION,
    description:
      "Who said what in German-language news: the archive's articles, quotes, speakers and entities, and analysis of new texts. Errors are RFC 9457 problem documents with a stable `code`.",
  },
  tags: [
    { name: "articles", description: "archived articles and their analyses" },
    { name: "quotes", description: "quotes across the archive" },
    { name: "entities", description: "speakers and the entities they mention" },
    { name: "search", description: "full-text search" },
    { name: "analysis", description: "analyse a text without storing it" },
    { name: "server", description: "about this server" },
  ],
};

const infoRoute = createRoute({
  operationId: "getInfo",
  method: "get",
  path: "/api/info",
  tags: ["server"],
  summary: "Version, archive counts and what this server allows",
  responses: {
    200: { description: "about this server", content: { "application/json": { schema: ServerInfo } } },
    503: { description: "the archive cannot be read", content: problemContent },
  },
});

/**
 * The store as the routes see it: a failure inside the archive (closed, locked, corrupt) that is
 * not already a LautError becomes E_STORE, so it answers 503 rather than passing for a bug here.
 */
function guarded(store: Store): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        try {
          return await value.apply(target, args);
        } catch (error) {
          if (isLautError(error)) throw error;
          const why = error instanceof Error ? error.message : String(error);
          throw new LautError("E_STORE", `the archive cannot be read: ${why}`, { cause: error });
        }
      };
    },
  });
}

export function createApp(options: AppOptions): OpenAPIHono {
  const store = guarded(options.store);
  const writes = options.writes ?? "open";
  const fetch = options.fetch ?? false;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;

  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (result.success) return;
      const errors = result.error.issues.map((issue) => ({
        path: issue.path.map(String).join(".") || result.target,
        message: issue.message,
      }));
      const detail = errors.map((e) => `${e.path}: ${e.message}`).join("; ");
      throw new ProblemError("E_USAGE", `invalid ${result.target}: ${detail}`, errors);
    },
  });

  app.onError(errorToResponse);
  app.notFound((c) =>
    problemResponse(problemOf("E_NOT_FOUND", `nothing at ${c.req.method} ${c.req.path}`, c.req.path)),
  );

  app.use("*", async (c, next) => {
    await next();
    c.header("x-content-type-options", "nosniff");
    c.header("referrer-policy", "no-referrer");
    // everything the UI and the docs page need comes from this server
    c.header(
      "content-security-policy",
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
    );
  });
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) =>
        problemResponse(
          problemOf("E_INPUT_TOO_LARGE", `the request body is larger than ${maxBodyBytes} bytes`, c.req.path),
        ),
    }),
  );

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "the server's --token (or $LAUT_TOKEN)",
  });

  app.openapi(infoRoute, async (c) => {
    const { skipped: _skipped, ...archive } = await store.stats();
    const writeMode = typeof writes === "object" ? "token" : writes;
    return c.json(
      { name: "laut" as const, version: VERSION, fetch, writes: writeMode, maxBodyBytes, archive },
      200,
    );
  });
  registerReadRoutes(app, store);
  registerWriteRoutes(app, { store, writes, fetch, maxBodyBytes });

  app.doc31("/openapi.json", OPENAPI_INFO);
  app.get("/docs", (c) => c.html(docsPage(app.getOpenAPI31Document(OPENAPI_INFO))));
  app.get("/docs.js", (c) => c.body(docsScript, 200, { "content-type": "text/javascript; charset=utf-8" }));

  // an unknown /api path is a problem, not the UI's page
  app.all("/api/*", (c) => {
    throw new ProblemError("E_NOT_FOUND", `nothing at ${c.req.method} ${c.req.path}`);
  });
  if (webRoot !== null) app.get("*", serveUi(webRoot));
  return app;
}
