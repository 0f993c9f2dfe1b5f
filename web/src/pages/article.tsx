/** One archived article with its analysis. */
import { AnalysisView } from "../analysis-view.js";
import { type ArticleDetail, useApi } from "../api.js";
import { formatDay } from "../format.js";
import { Status } from "../ui.js";

export function ArticlePage({ id }: { id: string }) {
  const { data, error, loading } = useApi<ArticleDetail>(/^\d+$/.test(id) ? `/api/articles/${id}` : null);
  if (!/^\d+$/.test(id)) return <p class="status error">Kein Artikel: „{id}“.</p>;
  if (!data) {
    if (error) document.title = "Artikel nicht gefunden · laut";
    return <Status loading={loading} error={error} />;
  }
  document.title = `${data.title ?? `Artikel ${data.id}`} · laut`;
  const source = data.sources[0];
  const meta = (
    <p class="article-meta">
      {data.site && <span class="site">{data.site}</span>}
      <time dateTime={data.dated}>{formatDay(data.published ?? data.dated)}</time>
      {data.url && (
        <a href={data.url} rel="noreferrer noopener" target="_blank">
          Original
        </a>
      )}
      {data.sources.length > 1 && <span>{data.sources.length} Quellen</span>}
      {!data.url && source && <span class="origin">{source.origin}</span>}
    </p>
  );
  const quote = /^#(q\d{1,6})$/.exec(location.hash)?.[1] ?? null;
  return (
    <AnalysisView
      analysis={data.analysis}
      fallbackTitle={data.title}
      meta={meta}
      linkSpeakers
      initialQuote={quote}
    />
  );
}
