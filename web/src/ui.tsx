/** Small shared pieces of the pages: headings that take focus, status lines, quote rows. */
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { ApiError, QuoteRecord } from "./api.js";
import { formatDay, QUOTE_TYPE_LABEL, quoteStyle } from "./format.js";
import { hasNavigated, Link } from "./router.js";

/** The page's h1; it takes focus when the page changes, so screen readers announce the new page. */
export function PageHeading({ children, title }: { children: ComponentChildren; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · laut`;
    if (hasNavigated()) ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Status({
  loading,
  error,
  empty,
}: {
  loading: boolean;
  error: ApiError | null;
  empty?: string | false;
}) {
  if (error) {
    return (
      <p class="status error" role="alert">
        {error.message} <code>{error.code}</code>
      </p>
    );
  }
  if (loading) {
    return (
      <p class="status" role="status">
        Lädt …
      </p>
    );
  }
  if (empty) return <p class="status muted">{empty}</p>;
  return null;
}

export function MoreButton({ more, label }: { more: (() => void) | null; label: string }) {
  if (!more) return null;
  return (
    <button type="button" class="more" onClick={more}>
      {label}
    </button>
  );
}

/** One quote from the archive: the message, who, when, where. */
export function QuoteRow({ quote, showSpeaker = true }: { quote: QuoteRecord; showSpeaker?: boolean }) {
  const style = quoteStyle(quote.type);
  const speakerName = quote.speaker?.name ?? quote.speaker?.text ?? null;
  return (
    <li class={`quote-row quote-row-${style}`}>
      <blockquote lang="de">{quote.text}</blockquote>
      <p class="quote-meta">
        <span class={`badge badge-${style}`}>{QUOTE_TYPE_LABEL[quote.type] ?? quote.type}</span>{" "}
        {showSpeaker &&
          (speakerName ? (
            quote.speaker?.entityId ? (
              <Link href={`/sprecher/${quote.speaker.entityId}`}>{speakerName}</Link>
            ) : (
              <strong>{speakerName}</strong>
            )
          ) : (
            <em>nicht zugeordnet</em>
          ))}
        {showSpeaker && " · "}
        <time dateTime={quote.dated}>{formatDay(quote.dated)}</time>
        {" · "}
        <Link href={`/artikel/${quote.articleId}#q${quote.ordinal}`} lang="de">
          {quote.article.title ?? `Artikel ${quote.articleId}`}
        </Link>
        {quote.article.site && <span class="site"> ({quote.article.site})</span>}
      </p>
    </li>
  );
}
