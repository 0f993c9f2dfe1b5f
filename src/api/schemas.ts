/**
 * The shapes the API reads and answers, as zod schemas: they validate requests and generate the
 * OpenAPI document. Response schemas mirror the Store's record types (src/store/store.ts) field
 * for field; the Analysis is described by schema/analysis.schema.json and only referenced here.
 */
import { z } from "@hono/zod-openapi";
import type { Analysis } from "../analysis.js";
import { API_ERROR_CODES, STATUS_OF_ERROR } from "./problem.js";

/** the longest search text or filter value a query string may carry */
export const MAX_QUERY_CHARS = 500;
/** the most items one page may hold (the Store caps at the same number) */
export const MAX_LIMIT = 500;

const text = (description: string) => z.string().min(1).max(MAX_QUERY_CHARS).openapi({ description });
const isoDate = (description: string) =>
  z
    .string()
    .max(35)
    .regex(
      /^\d{4}(?:-\d{2}(?:-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/,
      "an ISO 8601 date like 2024-03-01",
    )
    .openapi({ description, example: "2024-03" });

export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .optional()
    .openapi({ description: `items per page, 1..${MAX_LIMIT} (default 50)`, example: 20 }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: "the `next` value of the previous page; omit for the first page" }),
});

const DateQuery = z.object({
  from: isoDate("inclusive lower bound of the publication date").optional(),
  to: isoDate('inclusive upper bound: "2024-03" includes all of March').optional(),
});

export const ArticlesQuery = PageQuery.extend(DateQuery.shape).extend({
  site: text("only articles from this site or outlet (exact)").optional(),
  q: text("search words (stemmed: Stadtrat finds Stadtrats)").optional(),
});

const entityRef = (description: string) =>
  z
    .string()
    .min(1)
    .max(MAX_QUERY_CHARS)
    .openapi({ description: `${description}: an entity id, or its exact name (case-insensitive)` });

export const QuotesQuery = PageQuery.extend(DateQuery.shape).extend({
  speaker: entityRef("quotes by this speaker").optional(),
  entity: entityRef("quotes whose message mentions this entity").optional(),
  type: z
    .enum(["direct", "indirect", "free_indirect", "indirect_free_indirect", "reported"])
    .optional()
    .openapi({ description: "quote type" }),
  q: text("search words in the quote text").optional(),
});

export const EntitiesQuery = PageQuery.extend({
  type: text("entity type (person, organisation, place, …)").optional(),
  q: text("part of the name, case-insensitive").optional(),
});

export const SearchQuery = z.object({
  q: text("search words"),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .optional()
    .openapi({ description: `results per kind, 1..${MAX_LIMIT} (default 20)` }),
});

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .openapi({ param: { name: "id", in: "path" }, example: 1 }),
});

const nullableText = z.string().nullable();

export const ArticleSummary = z
  .object({
    id: z.number().int(),
    title: nullableText,
    site: nullableText,
    url: nullableText,
    published: nullableText.openapi({ description: "as the source gave it (ISO 8601)" }),
    dated: z.string().openapi({ description: "published, or the ingest time when the source gave no date" }),
    language: z.string(),
    quoteCount: z.number().int(),
    ingestedAt: z.string(),
  })
  .openapi("ArticleSummary");

export const AnalysisSchema = z.any().openapi("Analysis", {
  type: "object",
  description:
    "An Analysis document: the text with every quote, speaker, cue and entity as offsets into it. Specified by schema/analysis.schema.json and docs/ANALYSIS.md.",
}) as unknown as z.ZodType<Analysis>;

export const ArticleDetail = ArticleSummary.extend({
  text: z.string(),
  languageScore: z.number().nullable(),
  analysis: AnalysisSchema,
  sources: z.array(
    z.object({
      origin: z.string(),
      url: nullableText,
      site: nullableText,
      title: nullableText,
      published: nullableText,
      format: z.string(),
      encoding: nullableText,
      addedAt: z.string(),
    }),
  ),
}).openapi("ArticleDetail");

export const QuoteRecord = z
  .object({
    id: z.number().int(),
    articleId: z.number().int(),
    ordinal: z.number().int().openapi({ description: 'the quote "q<ordinal>" in the article\'s analysis' }),
    type: z.string(),
    medium: z.string(),
    text: z.string(),
    spans: z.array(z.tuple([z.number().int(), z.number().int()])),
    cue: nullableText,
    cueLemma: nullableText,
    speaker: z
      .object({ text: nullableText, entityId: z.number().int().nullable(), name: nullableText })
      .nullable(),
    addressee: nullableText,
    confidence: z.number(),
    attribution: z.string(),
    dated: z.string(),
    article: z.object({ title: nullableText, site: nullableText, url: nullableText }),
  })
  .openapi("Quote");

export const EntityRecord = z
  .object({
    id: z.number().int(),
    type: z.string(),
    name: z.string(),
    wikidata: nullableText,
    mentionCount: z.number().int(),
    articleCount: z.number().int(),
    quoteCount: z.number().int().openapi({ description: "quotes this entity is the speaker of" }),
    firstSeen: z.string(),
    lastSeen: z.string(),
    firstQuoted: nullableText,
    lastQuoted: nullableText,
  })
  .openapi("Entity");

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      next: nullableText.openapi({
        description: "pass as `cursor` for the next page; null on the last page",
      }),
    })
    .openapi(name);

export const SearchResult = z
  .object({
    articles: z.array(ArticleSummary.extend({ rank: z.number() })),
    quotes: z.array(QuoteRecord.extend({ rank: z.number() })),
  })
  .openapi("SearchResult");

const problemCodes = [...Object.keys(STATUS_OF_ERROR), ...Object.keys(API_ERROR_CODES)] as [
  string,
  ...string[],
];

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ description: "a link to this code's description on the /docs page" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().openapi({ description: "what went wrong, in one sentence" }),
    code: z.enum(problemCodes).openapi({ description: "stable error code (the CLI uses the same ones)" }),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

const ANALYZE_BODY_FIELDS = "Exactly one of `text`, `html` and `url`.";

export const AnalyzeBody = z
  .object({
    text: z.string().optional().openapi({ description: "plain text: title line, blank line, paragraphs" }),
    html: z.string().optional().openapi({ description: "an HTML page; the article text is extracted first" }),
    url: z
      .string()
      .url()
      .max(2000)
      .optional()
      .openapi({ description: "a page to fetch (only when the server was started with --fetch)" }),
    name: z.string().max(MAX_QUERY_CHARS).optional().openapi({ description: "echoed as source.name" }),
  })
  .openapi("AnalyzeRequest", { description: ANALYZE_BODY_FIELDS });

export const ArticleBody = z
  .object({
    text: z.string().optional().openapi({ description: "plain text: title line, blank line, paragraphs" }),
    html: z.string().optional().openapi({ description: "an HTML page; the article text is extracted first" }),
    title: z.string().max(MAX_QUERY_CHARS).optional(),
    url: z
      .string()
      .url()
      .max(2000)
      .optional()
      .openapi({ description: "the article's address; also its origin" }),
    site: z.string().max(MAX_QUERY_CHARS).optional(),
    published: isoDate("publication date").optional(),
  })
  .openapi("NewArticle", { description: "Exactly one of `text` and `html`." });

export const ArticleCreated = z
  .object({
    id: z.number().int(),
    duplicate: z
      .boolean()
      .openapi({ description: "the text was archived already; this origin was added to it" }),
  })
  .openapi("ArticleCreated");

export const ServerInfo = z
  .object({
    name: z.literal("laut"),
    version: z.string(),
    fetch: z.boolean().openapi({ description: "POST /api/analyze accepts `url`" }),
    writes: z.enum(["open", "token", "closed"]).openapi({
      description: "POST /api/articles: open, needs a bearer token, or disabled",
    }),
    maxBodyBytes: z.number().int(),
    archive: z.object({
      articles: z.number().int(),
      sources: z.number().int(),
      quotes: z.number().int(),
      entities: z.number().int(),
      speakers: z.number().int(),
    }),
  })
  .openapi("ServerInfo");
