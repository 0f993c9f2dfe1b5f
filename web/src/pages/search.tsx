/** Search across the archive: quotes and articles matching the words (stemmed, so inflections match). */
import { apiPath, type SearchResult, useApi } from "../api.js";
import { plural } from "../format.js";
import { type Location, navigate } from "../router.js";
import { PageHeading, QuoteRow, Status } from "../ui.js";
import { ArticleItem } from "./articles.js";

export function SearchPage({ loc }: { loc: Location }) {
  const q = (loc.query.get("q") ?? "").trim();
  const result = useApi<SearchResult>(q ? apiPath("/api/search", { q, limit: 50 }) : null);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget as HTMLFormElement).get("q") ?? "").trim();
    navigate(value ? `/suche?q=${encodeURIComponent(value)}` : "/suche");
  };
  const data = result.data;
  return (
    <>
      <PageHeading title={q ? `Suche: ${q}` : "Suche"}>Suche</PageHeading>
      <search aria-label="Archiv durchsuchen">
        <form class="filters search-form" onSubmit={onSubmit}>
          <label class="grow">
            Suchwörter in Zitaten und Artikeln
            <input
              name="q"
              type="search"
              maxLength={500}
              defaultValue={q}
              placeholder="z. B. Radwege Pflege"
            />
          </label>
          <button type="submit">Suchen</button>
        </form>
      </search>
      <Status loading={result.loading} error={result.error} />
      {data && (
        <div class="results">
          <section aria-labelledby="found-quotes">
            <h2 id="found-quotes">{plural(data.quotes.length, "Zitat", "Zitate")}</h2>
            {data.quotes.length === 0 ? (
              <p class="muted">Keine Zitate mit „{q}“.</p>
            ) : (
              <ol class="quote-rows">
                {data.quotes.map((quote) => (
                  <QuoteRow key={quote.id} quote={quote} />
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby="found-articles">
            <h2 id="found-articles">{plural(data.articles.length, "Artikel", "Artikel")}</h2>
            {data.articles.length === 0 ? (
              <p class="muted">Keine Artikel mit „{q}“.</p>
            ) : (
              <ol class="article-list compact">
                {data.articles.map((a) => (
                  <ArticleItem key={a.id} article={a} heading="h3" />
                ))}
              </ol>
            )}
          </section>
        </div>
      )}
    </>
  );
}
