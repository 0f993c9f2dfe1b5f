/** The start page: the archive's articles, newest first, with search words, site and date filters. */
import { type ArticleSummary, apiPath, usePages } from "../api.js";
import { formatDay, plural } from "../format.js";
import { Link, type Location, navigate } from "../router.js";
import { MoreButton, PageHeading, Status } from "../ui.js";

const FILTERS = ["q", "site", "from", "to"] as const;

export function ArticlesPage({ loc }: { loc: Location }) {
  const filters = Object.fromEntries(FILTERS.map((f) => [f, loc.query.get(f) ?? ""])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const list = usePages<ArticleSummary>(apiPath("/api/articles", { ...filters, limit: 25 }));
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const query = new URLSearchParams();
    for (const f of FILTERS) {
      const value = String(data.get(f) ?? "").trim();
      if (value) query.set(f, value);
    }
    navigate(query.size ? `/?${query}` : "/");
  };
  const filtered = FILTERS.some((f) => filters[f]);
  return (
    <>
      <PageHeading title="Artikel">Artikel</PageHeading>
      <search aria-label="Artikel filtern">
        <form class="filters" onSubmit={onSubmit}>
          <label>
            Suchwörter
            <input name="q" type="search" maxLength={500} defaultValue={filters.q} />
          </label>
          <label>
            Quelle
            <input name="site" maxLength={500} defaultValue={filters.site} placeholder="z. B. Rheinpost" />
          </label>
          <label>
            von
            <input name="from" type="date" defaultValue={filters.from} />
          </label>
          <label>
            bis
            <input name="to" type="date" defaultValue={filters.to} />
          </label>
          <button type="submit">Filtern</button>
          {filtered && (
            <Link href="/" class="reset">
              Filter zurücksetzen
            </Link>
          )}
        </form>
      </search>
      <Status
        loading={list.loading && !list.data}
        error={list.error}
        empty={
          list.data?.length === 0 && (filtered ? "Keine Artikel zu diesen Filtern." : "Das Archiv ist leer.")
        }
      />
      {list.data && list.data.length > 0 && (
        <ol class="article-list">
          {list.data.map((a) => (
            <ArticleItem key={a.id} article={a} heading="h2" />
          ))}
        </ol>
      )}
      <MoreButton more={list.more} label="Weitere Artikel laden" />
    </>
  );
}

/** One article in a list: its title as a link, then site, day and number of quotes. */
export function ArticleItem({
  article: a,
  heading: Heading,
}: {
  article: ArticleSummary;
  heading: "h2" | "h3";
}) {
  return (
    <li>
      <Heading lang="de">
        <Link href={`/artikel/${a.id}`}>{a.title ?? `Artikel ${a.id}`}</Link>
      </Heading>
      <p class="article-meta">
        {a.site && <span class="site">{a.site}</span>}
        <time dateTime={a.dated}>{formatDay(a.dated)}</time>
        <span>{plural(a.quoteCount, "Zitat", "Zitate")}</span>
      </p>
    </li>
  );
}
