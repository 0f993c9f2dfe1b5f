/**
 * The read side of the archive over HTTP: articles, quotes, speakers, entities and search, each a
 * thin projection of one Store method. Handlers only translate query parameters; filtering,
 * ordering and cursors are the Store's.
 */
import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import type { EntityRef, Store } from "../store/store.js";
import { ProblemError } from "./problem.js";
import {
  ArticleDetail,
  ArticleSummary,
  ArticlesQuery,
  EntitiesQuery,
  EntityRecord,
  IdParam,
  ProblemSchema,
  pageOf,
  QuoteRecord,
  QuotesQuery,
  SearchQuery,
  SearchResult,
} from "./schemas.js";

export const problemContent = { "application/problem+json": { schema: ProblemSchema } };

/** the problem answers every read route can give */
export const readProblems = {
  400: { description: "a parameter is malformed or out of range", content: problemContent },
  503: { description: "the archive cannot be read", content: problemContent },
} as const;

const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { "application/json": { schema } } },
});

const notFound = { 404: { description: "no record with this id", content: problemContent } } as const;

/** "12" is entity 12, anything else a name */
function entityRef(value: string | undefined): EntityRef | undefined {
  if (value === undefined) return undefined;
  return /^\d{1,15}$/.test(value) ? Number(value) : value;
}

const listArticles = createRoute({
  operationId: "listArticles",
  method: "get",
  path: "/api/articles",
  tags: ["articles"],
  summary: "Articles, newest first",
  request: { query: ArticlesQuery },
  responses: { ...ok(pageOf(ArticleSummary, "ArticlePage"), "a page of articles"), ...readProblems },
});

const getArticle = createRoute({
  operationId: "getArticle",
  method: "get",
  path: "/api/articles/{id}",
  tags: ["articles"],
  summary: "One article with its full Analysis and every source it came from",
  request: { params: IdParam },
  responses: { ...ok(ArticleDetail, "the article"), ...notFound, ...readProblems },
});

const listQuotes = createRoute({
  operationId: "listQuotes",
  method: "get",
  path: "/api/quotes",
  tags: ["quotes"],
  summary: "Quotes, newest first",
  request: { query: QuotesQuery },
  responses: { ...ok(pageOf(QuoteRecord, "QuotePage"), "a page of quotes"), ...readProblems },
});

const listSpeakers = createRoute({
  operationId: "listSpeakers",
  method: "get",
  path: "/api/speakers",
  tags: ["entities"],
  summary: "Entities quoted at least once, most quoted first",
  request: { query: EntitiesQuery },
  responses: { ...ok(pageOf(EntityRecord, "EntityPage"), "a page of speakers"), ...readProblems },
});

const listEntities = createRoute({
  operationId: "listEntities",
  method: "get",
  path: "/api/entities",
  tags: ["entities"],
  summary: "All entities, in most articles first",
  request: { query: EntitiesQuery },
  responses: { ...ok(pageOf(EntityRecord, "EntityPage"), "a page of entities"), ...readProblems },
});

const getEntity = createRoute({
  operationId: "getEntity",
  method: "get",
  path: "/api/entities/{id}",
  tags: ["entities"],
  summary: "One entity (speaker, person, organisation, place) with its counts",
  request: { params: IdParam },
  responses: { ...ok(EntityRecord, "the entity"), ...notFound, ...readProblems },
});

const search = createRoute({
  operationId: "search",
  method: "get",
  path: "/api/search",
  tags: ["search"],
  summary: "Articles and quotes matching search words, best first",
  request: { query: SearchQuery },
  responses: { ...ok(SearchResult, "the best articles and quotes"), ...readProblems },
});

export function registerReadRoutes(app: OpenAPIHono, store: Store): void {
  app.openapi(listArticles, async (c) => c.json(await store.listArticles(c.req.valid("query")), 200));

  app.openapi(getArticle, async (c) => {
    const { id } = c.req.valid("param");
    const article = await store.getArticle(id);
    if (!article) throw new ProblemError("E_NOT_FOUND", `there is no article ${id}`);
    return c.json(article, 200);
  });

  app.openapi(listQuotes, async (c) => {
    const { speaker, entity, ...rest } = c.req.valid("query");
    const page = await store.listQuotes({ ...rest, speaker: entityRef(speaker), entity: entityRef(entity) });
    return c.json(page, 200);
  });

  app.openapi(listSpeakers, async (c) => c.json(await store.listSpeakers(c.req.valid("query")), 200));
  app.openapi(listEntities, async (c) => c.json(await store.listEntities(c.req.valid("query")), 200));

  app.openapi(getEntity, async (c) => {
    const { id } = c.req.valid("param");
    const entity = await store.getEntity(id);
    if (!entity) throw new ProblemError("E_NOT_FOUND", `there is no entity ${id}`);
    return c.json(entity, 200);
  });

  app.openapi(search, async (c) => {
    const { q, limit } = c.req.valid("query");
    return c.json(await store.search(q, { limit }), 200);
  });
}
