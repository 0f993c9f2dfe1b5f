/**
 * The routes that take a text: `POST /api/analyze` (an Analysis back, nothing stored) and
 * `POST /api/articles` (analysed and archived). Both read their text through the input layer
 * (src/input), so HTML extraction, encoding repair and the empty-text checks are the CLI's.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { analyze } from "../analyze.js";
import { GERMAN, loadLanguageDetector } from "../ingest/language.js";
import { type InputText, inputFromBytes } from "../input/read.js";
import { textHash } from "../store/index.js";
import type { Store } from "../store/store.js";
import { ProblemError } from "./problem.js";
import { problemContent } from "./routes.js";
import { AnalysisSchema, AnalyzeBody, ArticleBody, ArticleCreated } from "./schemas.js";

/** who may write to the archive: anyone, bearers of this token, or nobody */
export type WritePolicy = "open" | "closed" | { token: string };

export interface WriteOptions {
  store: Store;
  writes: WritePolicy;
  /** POST /api/analyze may fetch a `url` */
  fetch: boolean;
  /** the largest text or page accepted, in bytes */
  maxBodyBytes: number;
}

const FETCH_TIMEOUT_MS = 15_000;

const inputProblems = {
  400: { description: "the body is malformed", content: problemContent },
  413: { description: "the body is larger than the server accepts", content: problemContent },
  415: { description: "the input is binary, not text", content: problemContent },
  422: { description: "the input has no text or cannot be decoded", content: problemContent },
} as const;

const analyzeRoute = createRoute({
  operationId: "analyze",
  method: "post",
  path: "/api/analyze",
  tags: ["analysis"],
  summary: "Analyse a text, an HTML page or (with --fetch) a URL; nothing is stored",
  request: { body: { required: true, content: { "application/json": { schema: AnalyzeBody } } } },
  responses: {
    200: { description: "the Analysis", content: { "application/json": { schema: AnalysisSchema } } },
    ...inputProblems,
    403: { description: "fetching URLs is disabled on this server", content: problemContent },
    502: { description: "the URL could not be fetched", content: problemContent },
  },
});

function requireWriter(policy: WritePolicy): MiddlewareHandler {
  const expected = typeof policy === "object" ? digest(policy.token) : null;
  return async (c, next) => {
    if (policy === "closed") {
      throw new ProblemError(
        "E_FORBIDDEN",
        "writing is disabled: this server listens beyond this machine and was started without --token",
      );
    }
    if (expected) {
      const header = c.req.header("authorization") ?? "";
      const match = /^Bearer ([^\s]{1,512})$/i.exec(header);
      if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
        throw new ProblemError(
          "E_UNAUTHORIZED",
          "send the server's token as `Authorization: Bearer <token>`",
        );
      }
    }
    await next();
  };
}

// equal-length digests, so comparing them takes the same time whatever the token
const digest = (token: string): Buffer => createHash("sha256").update(token).digest();

const createArticleRoute = (policy: WritePolicy) =>
  createRoute({
    method: "post",
    path: "/api/articles",
    operationId: "addArticle",
    tags: ["articles"],
    summary: "Analyse a German article and add it to the archive",
    middleware: [requireWriter(policy)] as const,
    security: typeof policy === "object" ? [{ bearer: [] }] : [],
    request: { body: { required: true, content: { "application/json": { schema: ArticleBody } } } },
    responses: {
      201: { description: "archived", content: { "application/json": { schema: ArticleCreated } } },
      ...inputProblems,
      401: { description: "the bearer token is missing or wrong", content: problemContent },
      403: { description: "writing is disabled on this server", content: problemContent },
    },
  });

export function registerWriteRoutes(app: OpenAPIHono, options: WriteOptions): void {
  const { store, maxBodyBytes } = options;

  app.openapi(analyzeRoute, async (c) => {
    const body = c.req.valid("json");
    const input = await readBody(body, { maxBodyBytes, fetch: options.fetch });
    const name = body.name ?? body.url ?? null;
    return c.json(
      analyze(input.text, { format: input.format, encoding: input.encoding, ...(name ? { name } : {}) }),
      200,
    );
  });

  app.openapi(createArticleRoute(options.writes), async (c) => {
    const body = c.req.valid("json");
    // `url` here is where the article lives, not a page to fetch
    const input = await readBody({ text: body.text, html: body.html }, { maxBodyBytes, fetch: false });
    const detector = await loadLanguageDetector();
    const language = detector.detect(input.text);
    if (language.language !== GERMAN) {
      throw new ProblemError(
        "E_NOT_GERMAN",
        `the text reads as ${language.language || "no known language"}, not German; only German articles are archived`,
      );
    }
    const origin = body.url ?? `api:${textHash(input.text)}`;
    const { articleId, duplicate } = await store.addArticle(
      {
        origin,
        url: body.url ?? null,
        title: body.title ?? null,
        published: body.published ?? null,
        author: null,
        site: body.site ?? null,
        text: input.text,
        format: input.format,
        encoding: input.encoding,
      },
      analyze(input.text, { format: input.format, encoding: input.encoding, name: origin }),
      language,
    );
    return c.json({ id: articleId, duplicate }, 201);
  });
}

interface BodyText {
  text?: string | undefined;
  html?: string | undefined;
  url?: string | undefined;
}

/** The one text of a request body, through the input layer's checks. */
async function readBody(
  body: BodyText,
  options: { maxBodyBytes: number; fetch: boolean },
): Promise<InputText> {
  const given = [body.text, body.html, body.url].filter((v) => v !== undefined).length;
  if (given !== 1) {
    const fields = options.fetch ? "`text`, `html` or `url`" : "`text` or `html`";
    throw new ProblemError("E_USAGE", `send exactly one of ${fields}`);
  }
  const read = { maxBytes: options.maxBodyBytes };
  if (body.url !== undefined) {
    if (!options.fetch) {
      throw new ProblemError("E_FORBIDDEN", "fetching URLs is disabled: start the server with --fetch");
    }
    return fetchPage(body.url, options.maxBodyBytes);
  }
  const encoder = new TextEncoder();
  if (body.html !== undefined)
    return inputFromBytes(encoder.encode(body.html), "html", { ...read, format: "html" });
  return inputFromBytes(encoder.encode(body.text ?? ""), "text", { ...read, format: "text" });
}

async function fetchPage(url: string, maxBytes: number): Promise<InputText> {
  if (!/^https?:\/\//i.test(url))
    throw new ProblemError("E_USAGE", "only http and https URLs can be fetched");
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: "follow" });
  } catch (error) {
    throw new ProblemError(
      "E_FETCH",
      `cannot fetch ${url}: ${error instanceof Error ? error.message : error}`,
    );
  }
  if (!response.ok || !response.body) {
    throw new ProblemError("E_FETCH", `cannot fetch ${url}: the server answered ${response.status}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.length;
    // stop reading at once: the body could be endless
    if (size > maxBytes) {
      await response.body.cancel().catch(() => {});
      throw new ProblemError("E_INPUT_TOO_LARGE", `${url} is larger than the limit of ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  const type = response.headers.get("content-type") ?? "";
  return inputFromBytes(Buffer.concat(chunks), url, {
    maxBytes,
    format: /html/i.test(type) ? "html" : /^text\/plain/i.test(type) ? "text" : "auto",
  });
}
