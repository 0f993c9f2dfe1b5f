/**
 * The HTTP API in-process through Hono's `app.request()` (no sockets): every route on a test
 * archive of German articles, filters, cursors, limits, problem+json errors, the token rule for
 * writes, the OpenAPI document and the static UI handler.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Analysis } from "../analysis.js";
import { writePolicy } from "../cli/serve.js";
import { type JsonSchema, validate } from "../schema-validate.js";
import { openStore } from "../store/index.js";
import type {
  ArticleDetail,
  ArticleSummary,
  EntityRecord,
  Page,
  QuoteRecord,
  Store,
} from "../store/store.js";
import { type AppOptions, createApp } from "./app.js";
import { buildTestArchive, TEST_ARTICLES } from "./archive.case.js";
import type { Problem } from "./problem.js";

let dir: string;
let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "laut-api-"));
  store = await buildTestArchive(dir);
  app = createApp({ store, webRoot: null });
}, 60_000);

afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

async function get<T>(path: string, expected = 200): Promise<T> {
  const response = await app.request(path);
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(expected);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return (await response.json()) as T;
}

async function problem(response: Response, status: number, code: string): Promise<Problem> {
  expect(response.status, await response.clone().text()).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
  const body = (await response.json()) as Problem;
  expect(body).toMatchObject({ status, code, type: `/docs#${code}` });
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.detail.length).toBeGreaterThan(0);
  return body;
}

const post = (
  target: ReturnType<typeof createApp>,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  target.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("GET /api/info", () => {
  it("tells the version, what the server allows and the archive's counts", async () => {
    const info = await get<{ archive: { articles: number; quotes: number }; writes: string; fetch: boolean }>(
      "/api/info",
    );
    expect(info.archive.articles).toBe(TEST_ARTICLES.length);
    expect(info.archive.quotes).toBeGreaterThan(20);
    expect(info.writes).toBe("open");
    expect(info.fetch).toBe(false);
  });
});

describe("GET /api/articles", () => {
  it("lists newest first", async () => {
    const page = await get<Page<ArticleSummary>>("/api/articles");
    expect(page.items.map((a) => a.title)).toEqual(
      [...TEST_ARTICLES].sort((a, b) => b.date.localeCompare(a.date)).map((a) => a.title),
    );
    expect(page.next).toBeNull();
  });

  it("filters by site, date range and search words", async () => {
    const rheinpost = await get<Page<ArticleSummary>>("/api/articles?site=Rheinpost");
    expect(rheinpost.items).toHaveLength(2);
    expect(rheinpost.items.every((a) => a.site === "Rheinpost")).toBe(true);

    const winter = await get<Page<ArticleSummary>>("/api/articles?from=2024-11&to=2025-02");
    expect(winter.items.map((a) => a.title).sort()).toEqual([
      "Mehr Ausbildungsplätze für die Pflege",
      "Wiener Spitäler suchen Pflegekräfte",
    ]);

    const care = await get<Page<ArticleSummary>>("/api/articles?q=Pflegekraft");
    expect(care.items.map((a) => a.site)).toEqual(["Wiener Abendblatt"]);
    const none = await get<Page<ArticleSummary>>(`/api/articles?q=${encodeURIComponent("Raumfahrtbehörde")}`);
    expect(none.items).toEqual([]);
  });

  it("pages by cursor through every article exactly once", async () => {
    const seen: ArticleSummary[] = [];
    let path = "/api/articles?limit=2";
    for (let pages = 1; ; pages++) {
      const page = await get<Page<ArticleSummary>>(path);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      if (!page.next) {
        expect(pages).toBe(3);
        break;
      }
      path = `/api/articles?limit=2&cursor=${encodeURIComponent(page.next)}`;
    }
    const all = await get<Page<ArticleSummary>>("/api/articles");
    expect(seen).toEqual(all.items);
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=501", "limit"],
    ["limit=zehn", "limit"],
    ["from=M%C3%A4rz", "from"],
    [`q=${"Wort ".repeat(101)}`, "q"],
  ])("refuses %s as a bad request naming the parameter", async (query, parameter) => {
    const body = await problem(await app.request(`/api/articles?${query}`), 400, "E_USAGE");
    expect(body.errors?.map((e) => e.path)).toContain(parameter);
    expect(body.instance).toBe("/api/articles");
  });

  it("refuses a cursor it did not hand out", async () => {
    const body = await problem(await app.request("/api/articles?cursor=bm9ubmVu"), 400, "E_USAGE");
    expect(body.detail).toMatch(/cursor/);
  });
});

describe("GET /api/articles/{id}", () => {
  it("returns the article with its full Analysis and its sources", async () => {
    const list = await get<Page<ArticleSummary>>("/api/articles?site=Stadtanzeiger%20Bern");
    const id = list.items[0]?.id;
    const article = await get<ArticleDetail>(`/api/articles/${id}`);
    const written = TEST_ARTICLES.find((a) => a.id === "sa-1");
    // the source puts the title line before the body
    expect(article.text).toBe(`${written?.title}\n\n${written?.text}`);
    expect(article.analysis.text).toBe(article.text);
    expect(article.sources[0]?.url).toBe(written?.url);
    const speakers = new Set(article.analysis.quotes.map((q) => q.speaker?.name));
    expect(speakers).toContain("Urs Keller");
    expect(speakers).toContain("Nadia Meier");
    for (const q of article.analysis.quotes) {
      for (const s of q.spans) expect(article.text.slice(s.start, s.end).length).toBe(s.end - s.start);
    }
    const schema = JSON.parse(
      await readFile(new URL("../../schema/analysis.schema.json", import.meta.url), "utf8"),
    ) as JsonSchema;
    expect(validate(schema, article.analysis)).toEqual([]);
  });

  it("answers an unknown or malformed id with a problem", async () => {
    await problem(await app.request("/api/articles/9999"), 404, "E_NOT_FOUND");
    await problem(await app.request("/api/articles/erster"), 400, "E_USAGE");
    await problem(await app.request("/api/articles/0"), 400, "E_USAGE");
  });
});

describe("GET /api/quotes", () => {
  it("filters by speaker id or name, newest first", async () => {
    const speakers = await get<Page<EntityRecord>>("/api/speakers?q=vogt");
    const vogt = speakers.items.find((e) => e.name === "Anna Vogt");
    expect(vogt).toBeDefined();
    const byIdPage = await get<Page<QuoteRecord>>(`/api/quotes?speaker=${vogt?.id}`);
    expect(byIdPage.items).toHaveLength(vogt?.quoteCount ?? -1);
    expect(byIdPage.items.every((q) => q.speaker?.name === "Anna Vogt")).toBe(true);
    const dates = byIdPage.items.map((q) => q.dated);
    expect(dates).toEqual([...dates].sort().reverse());
    const byName = await get<Page<QuoteRecord>>("/api/quotes?speaker=anna%20vogt");
    expect(byName.items.map((q) => q.id)).toEqual(byIdPage.items.map((q) => q.id));
    const nobody = await get<Page<QuoteRecord>>("/api/quotes?speaker=Niemand%20Bekanntes");
    expect(nobody.items).toEqual([]);
  });

  it("filters by type, date range, text and mentioned entity", async () => {
    const direct = await get<Page<QuoteRecord>>("/api/quotes?type=direct&limit=500");
    expect(direct.items.length).toBeGreaterThan(5);
    expect(direct.items.every((q) => q.type === "direct" && /^[„«"]/.test(q.text))).toBe(true);

    const summer = await get<Page<QuoteRecord>>("/api/quotes?from=2025-06-01&to=2025-06-30");
    expect(summer.items.length).toBeGreaterThan(0);
    expect(summer.items.every((q) => q.article.site === "Stadtanzeiger Bern")).toBe(true);

    const radwege = await get<Page<QuoteRecord>>("/api/quotes?q=Radweg");
    expect(radwege.items.length).toBeGreaterThan(0);
    expect(radwege.items.every((q) => /Radweg/i.test(q.text))).toBe(true);

    const stadt = await get<Page<QuoteRecord>>("/api/quotes?entity=Stadt");
    expect(stadt.items.length).toBeGreaterThan(0);
    expect(stadt.items.every((q) => q.text.includes("Stadt"))).toBe(true);

    await problem(await app.request("/api/quotes?type=gerücht"), 400, "E_USAGE");
  });

  it("pages by cursor without losing or repeating a quote", async () => {
    const all = await get<Page<QuoteRecord>>("/api/quotes?limit=500");
    const seen: QuoteRecord[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<QuoteRecord> = await get<Page<QuoteRecord>>(
        `/api/quotes?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      seen.push(...page.items);
      cursor = page.next;
    } while (cursor);
    expect(seen.map((q) => q.id)).toEqual(all.items.map((q) => q.id));
  });
});

describe("GET /api/speakers and /api/entities", () => {
  it("lists speakers most quoted first with first and last quotation", async () => {
    const page = await get<Page<EntityRecord>>("/api/speakers");
    const counts = page.items.map((e) => e.quoteCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(page.items.every((e) => e.quoteCount > 0)).toBe(true);
    const brenner = page.items.find((e) => e.name === "Karl Brenner");
    expect(brenner).toMatchObject({ articleCount: 2 });
    expect(brenner?.firstQuoted?.startsWith("2024-11-05")).toBe(true);
    expect(brenner?.lastQuoted?.startsWith("2025-02-12")).toBe(true);
  });

  it("lists all entities, the unquoted too, and one by id", async () => {
    const entities = await get<Page<EntityRecord>>("/api/entities?limit=500");
    const speakers = await get<Page<EntityRecord>>("/api/speakers?limit=500");
    expect(entities.items.length).toBeGreaterThan(speakers.items.length);
    expect(entities.items.some((e) => e.quoteCount === 0)).toBe(true);
    const people = await get<Page<EntityRecord>>("/api/entities?type=PER&limit=500");
    expect(people.items.length).toBeGreaterThan(0);
    expect(people.items.every((e) => e.type === "PER")).toBe(true);

    const first = entities.items[0] as EntityRecord;
    expect(await get<EntityRecord>(`/api/entities/${first.id}`)).toEqual(first);
    await problem(await app.request("/api/entities/123456"), 404, "E_NOT_FOUND");
  });

  it("pages speakers by cursor", async () => {
    const all = await get<Page<EntityRecord>>("/api/speakers?limit=500");
    const first = await get<Page<EntityRecord>>("/api/speakers?limit=3");
    expect(first.next).not.toBeNull();
    const second = await get<Page<EntityRecord>>(`/api/speakers?limit=3&cursor=${first.next}`);
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(
      all.items.slice(0, 6).map((e) => e.id),
    );
  });
});

describe("GET /api/search", () => {
  it("finds articles and quotes by stemmed words, best first", async () => {
    const result = await get<{ articles: (ArticleSummary & { rank: number })[]; quotes: QuoteRecord[] }>(
      "/api/search?q=Radwege",
    );
    expect(result.articles.map((a) => a.site)).toEqual(["Rheinpost", "Rheinpost"]);
    const ranks = result.articles.map((a) => a.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(result.quotes.every((q) => /Radweg/i.test(q.text))).toBe(true);
    const limited = await get<{ articles: unknown[] }>("/api/search?q=Radwege&limit=1");
    expect(limited.articles).toHaveLength(1);
  });

  it("needs search words", async () => {
    await problem(await app.request("/api/search"), 400, "E_USAGE");
    await problem(await app.request("/api/search?q="), 400, "E_USAGE");
  });
});

describe("POST /api/analyze", () => {
  const TEXT =
    "Bern erhöht die Parkgebühren\n\nDie Stadt Bern verdoppelt ab Juli die Gebühren für Parkplätze in der Innenstadt.\n\n«Wir wollen die Altstadt vom Verkehr entlasten», sagte Gemeinderätin Lea Schmid. Das Gewerbe sei skeptisch, räumte sie ein.";

  it("analyses plain text and stores nothing", async () => {
    const before = (await store.stats()).articles;
    const response = await post(app, "/api/analyze", { text: TEXT, name: "parkgebuehren.txt" });
    expect(response.status).toBe(200);
    const analysis = (await response.json()) as Analysis;
    expect(analysis.text).toBe(TEXT);
    expect(analysis.source).toMatchObject({ name: "parkgebuehren.txt", format: "text" });
    const direct = analysis.quotes.find((q) => q.type === "direct");
    expect(direct?.text).toBe("«Wir wollen die Altstadt vom Verkehr entlasten»");
    expect(direct?.speaker?.name).toBe("Lea Schmid");
    expect((await store.stats()).articles).toBe(before);
  });

  it("extracts the article from HTML first", async () => {
    const paragraphs = TEXT.split("\n\n").slice(1);
    const html = `<!doctype html><html lang="de"><head><title>Bern erhöht die Parkgebühren</title></head><body><nav><a href="/">Startseite</a> <a href="/sport">Sport</a></nav><article><h1>Bern erhöht die Parkgebühren</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article><footer>© Stadtanzeiger</footer></body></html>`;
    const response = await post(app, "/api/analyze", { html });
    expect(response.status).toBe(200);
    const analysis = (await response.json()) as Analysis;
    expect(analysis.source.format).toBe("html");
    expect(analysis.text).not.toContain("Startseite");
    expect(analysis.quotes.some((q) => q.speaker?.name === "Lea Schmid")).toBe(true);
  });

  it("refuses bodies without exactly one text, empty texts and malformed JSON", async () => {
    await problem(await post(app, "/api/analyze", {}), 400, "E_USAGE");
    await problem(await post(app, "/api/analyze", { text: TEXT, html: "<p>x</p>" }), 400, "E_USAGE");
    await problem(await post(app, "/api/analyze", { text: " \n\t " }), 422, "E_INPUT_EMPTY");
    await problem(
      await post(app, "/api/analyze", { html: "<nav><a href='/'>Start</a></nav>" }),
      422,
      "E_INPUT_EMPTY",
    );
    await problem(await post(app, "/api/analyze", "{text: kaputt"), 400, "E_USAGE");
    await problem(await post(app, "/api/analyze", { text: 42 }), 400, "E_USAGE");
  });

  it("fetches URLs only when the server allows it", async () => {
    const body = await problem(
      await post(app, "/api/analyze", { url: "https://example.org/a" }),
      403,
      "E_FORBIDDEN",
    );
    expect(body.detail).toMatch(/--fetch/);
  });

  it("fetches a page when the server allows it, and reports what went wrong when it cannot", async () => {
    const paragraphs = TEXT.split("\n\n").slice(1);
    const page = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Parkgebühren</title></head><body><article><h1>Bern erhöht die Parkgebühren</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
    const site = createServer((request, response) => {
      if (request.url === "/artikel") {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end(page);
      } else if (request.url === "/riesig") {
        response.writeHead(200, { "content-type": "text/html" });
        response.end("<p>Wort</p>".repeat(2000));
      } else {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    try {
      const fetching = createApp({ store, webRoot: null, fetch: true, maxBodyBytes: 16 * 1024 });
      const response = await post(fetching, "/api/analyze", { url: `${base}/artikel` });
      expect(response.status, await response.clone().text()).toBe(200);
      const analysis = (await response.json()) as Analysis;
      expect(analysis.source).toMatchObject({ name: `${base}/artikel`, format: "html" });
      expect(analysis.quotes.some((q) => q.speaker?.name === "Lea Schmid")).toBe(true);
      await problem(await post(fetching, "/api/analyze", { url: `${base}/fehlt` }), 502, "E_FETCH");
      await problem(
        await post(fetching, "/api/analyze", { url: `${base}/riesig` }),
        413,
        "E_INPUT_TOO_LARGE",
      );
      await problem(await post(fetching, "/api/analyze", { url: "ftp://127.0.0.1/x" }), 400, "E_USAGE");
    } finally {
      site.close();
    }
  });

  it("refuses a body over the size limit before reading it all", async () => {
    const small = createApp({ store, webRoot: null, maxBodyBytes: 4096 });
    await problem(await post(small, "/api/analyze", { text: TEXT.repeat(20) }), 413, "E_INPUT_TOO_LARGE");
    expect((await post(small, "/api/analyze", { text: TEXT })).status).toBe(200);
  });
});

describe("POST /api/articles and the token rule", () => {
  const ARTICLE = {
    text: "Basel testet Tempo 30 in der Nacht\n\nIn Basel gilt ab Montag auf mehreren Hauptstrassen nachts Tempo 30.\n\n«Wir wollen, dass die Anwohnerinnen und Anwohner besser schlafen können», sagte Verkehrsdirektorin Sabine Frei. Der Versuch dauere ein Jahr, erklärte sie.",
    title: "Basel testet Tempo 30 in der Nacht",
    url: "https://basler-bote.example/tempo-30",
    site: "Basler Bote",
    published: "2025-08-11",
  };
  let writable: Store;

  beforeAll(async () => {
    writable = await openStore({ path: ":memory:" });
  });
  afterAll(async () => {
    await writable.close();
  });

  const appWith = (writes: AppOptions["writes"]) => createApp({ store: writable, webRoot: null, writes });

  it("archives a German article when writes are open, once per origin", async () => {
    const open = appWith("open");
    const created = await post(open, "/api/articles", ARTICLE);
    expect(created.status).toBe(201);
    const { id, duplicate } = (await created.json()) as { id: number; duplicate: boolean };
    expect(duplicate).toBe(false);
    const response = await open.request(`/api/articles/${id}`);
    const article = (await response.json()) as ArticleDetail;
    expect(article).toMatchObject({ title: ARTICLE.title, site: "Basler Bote", url: ARTICLE.url });
    expect(article.analysis.quotes.some((q) => q.speaker?.name === "Sabine Frei")).toBe(true);

    const again = await post(open, "/api/articles", {
      ...ARTICLE,
      url: "https://andere-zeitung.example/tempo-30",
    });
    expect(await again.json()).toEqual({ id, duplicate: true });
  });

  it("refuses articles that are not in German", async () => {
    const english = {
      text: 'Basel tests a night-time speed limit\n\nFrom Monday, a speed limit of 30 km/h applies at night on several main roads in Basel. "We want residents to sleep better," said transport director Sabine Frei. The trial will last a year, she explained.',
    };
    const body = await problem(await post(appWith("open"), "/api/articles", english), 422, "E_NOT_GERMAN");
    expect(body.detail).toMatch(/\ben\b/);
  });

  it("needs the bearer token when the server has one", async () => {
    const guarded = appWith({ token: "s3cret-Token" });
    const missing = await post(guarded, "/api/articles", ARTICLE);
    await problem(missing, 401, "E_UNAUTHORIZED");
    expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="laut"');
    await problem(
      await post(guarded, "/api/articles", ARTICLE, { authorization: "Bearer falsch" }),
      401,
      "E_UNAUTHORIZED",
    );
    const ok = await post(
      guarded,
      "/api/articles",
      { ...ARTICLE, url: "https://dritte.example/x" },
      {
        authorization: "Bearer s3cret-Token",
      },
    );
    expect(ok.status).toBe(201);
    // reading needs no token
    expect((await guarded.request("/api/articles")).status).toBe(200);
    expect((await post(guarded, "/api/analyze", { text: ARTICLE.text })).status).toBe(200);
  });

  it("refuses all writes when closed", async () => {
    const body = await problem(await post(appWith("closed"), "/api/articles", ARTICLE), 403, "E_FORBIDDEN");
    expect(body.detail).toMatch(/--token/);
  });

  it("is open on this machine only, unless a token is set", () => {
    expect(writePolicy("127.0.0.1", undefined)).toBe("open");
    expect(writePolicy("localhost", undefined)).toBe("open");
    expect(writePolicy("::1", undefined)).toBe("open");
    expect(writePolicy("0.0.0.0", undefined)).toBe("closed");
    expect(writePolicy("192.168.1.20", undefined)).toBe("closed");
    expect(writePolicy("0.0.0.0", "abc")).toEqual({ token: "abc" });
    expect(writePolicy("127.0.0.1", "abc")).toEqual({ token: "abc" });
  });
});

describe("errors and headers", () => {
  it("answers unknown API paths and methods with problems, not the UI", async () => {
    await problem(await app.request("/api/zitate"), 404, "E_NOT_FOUND");
    await problem(await app.request("/api/articles", { method: "DELETE" }), 404, "E_NOT_FOUND");
  });

  it("turns an archive failure into a 503 problem without internals", async () => {
    const broken = await openStore({ path: ":memory:" });
    await broken.close();
    const body = await problem(
      await createApp({ store: broken, webRoot: null }).request("/api/articles"),
      503,
      "E_STORE",
    );
    expect(body.detail).not.toMatch(/\bat \w+ \(/);
  });

  it("sends a content security policy that allows nothing from elsewhere", async () => {
    const response = await app.request("/api/info");
    expect(response.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

interface OpenApiDoc {
  openapi: string;
  paths: Record<
    string,
    Record<string, { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }>
  >;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

describe("GET /openapi.json and /docs", () => {
  let doc: OpenApiDoc;
  beforeAll(async () => {
    doc = await get<OpenApiDoc>("/openapi.json");
  });

  it("describes every route", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/api/analyze",
        "/api/articles",
        "/api/articles/{id}",
        "/api/entities",
        "/api/entities/{id}",
        "/api/info",
        "/api/quotes",
        "/api/search",
        "/api/speakers",
      ].sort(),
    );
    expect(Object.keys(doc.paths["/api/articles"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("is consistent: refs resolve, path parameters are declared, errors are problem documents", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref as string);
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const declared = (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
        const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect(declared.sort(), `${method} ${path}`).toEqual(inPath.sort());
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) < 400) continue;
          expect(response, `${method} ${path} ${status}`).toMatchObject({
            content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
          });
        }
      }
    }
    const operationIds = Object.values(doc.paths).flatMap((methods) =>
      Object.values(methods).map((op) => (op as { operationId?: string }).operationId),
    );
    expect(operationIds.every((id) => typeof id === "string")).toBe(true);
    expect(new Set(operationIds).size).toBe(operationIds.length);
    const query = (doc.paths["/api/quotes"]?.get?.parameters ?? []).map((p) => p.name).sort();
    expect(query).toEqual(["cursor", "entity", "from", "limit", "q", "speaker", "to", "type"]);
  });

  it("renders a docs page from the same document, with every error code", async () => {
    const response = await app.request("/docs");
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const path of Object.keys(doc.paths)) expect(html).toContain(path);
    for (const code of ["E_USAGE", "E_NOT_FOUND", "E_UNAUTHORIZED", "E_INPUT_TOO_LARGE", "E_STORE"]) {
      expect(html).toContain(`id="${code}"`);
    }
    expect(html).not.toMatch(/<(?:script|link)[^>]+(?:src|href)="(?:https?:)?\/\//);
    const script = await app.request("/docs.js");
    expect(script.headers.get("content-type")).toMatch(/^text\/javascript/);
  });
});

describe("the web UI's files", () => {
  let root: string;
  let ui: ReturnType<typeof createApp>;
  beforeAll(async () => {
    root = join(dir, "web");
    await mkdir(join(root, "assets"), { recursive: true });
    await writeFile(join(root, "index.html"), '<!doctype html><html lang="de"><div id="app"></div></html>');
    await writeFile(join(root, "assets", "app-1234.js"), "console.log('laut')");
    await writeFile(join(dir, "geheim.txt"), "nicht ausliefern");
    ui = createApp({ store, webRoot: root });
  });

  it("serves index.html for the UI's own paths and hashed assets for a year", async () => {
    for (const path of ["/", "/artikel/3", "/sprecher/name/Anna%20Vogt", "/suche?q=Pflege"]) {
      const response = await ui.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<div id="app">');
    }
    const asset = await ui.request("/assets/app-1234.js");
    expect(asset.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(asset.headers.get("cache-control")).toContain("immutable");
  });

  it("serves nothing outside its folder", async () => {
    for (const path of [
      "/../geheim.txt",
      "/%2e%2e/geheim.txt",
      "/assets/..%2f..%2fgeheim.txt",
      "/assets/fehlt.js",
    ]) {
      const response = await ui.request(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain("nicht ausliefern");
    }
  });

  it("says how to build the UI when it is missing", async () => {
    const unbuilt = createApp({ store, webRoot: join(dir, "gibt-es-nicht") });
    const response = await unbuilt.request("/");
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("npm run build");
    expect((await unbuilt.request("/api/info")).status).toBe(200);
  });
});
