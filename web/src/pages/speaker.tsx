/**
 * One speaker: counts, a month-by-month bar of how often they were quoted, and all their quotes
 * grouped by month, newest first. Reached by archive id, or by name from an article's legend.
 */
import { apiPath, type EntityRecord, type Page, type QuoteRecord, useApi, usePages } from "../api.js";
import { formatDay, formatMonth, formatNumber, monthKey, plural } from "../format.js";
import { MoreButton, PageHeading, QuoteRow, Status } from "../ui.js";

export function SpeakerByName({ name }: { name: string }) {
  const found = useApi<Page<EntityRecord>>(apiPath("/api/speakers", { q: name, limit: 100 }));
  if (!found.data) return <Status loading={found.loading} error={found.error} />;
  const lower = name.toLocaleLowerCase("de");
  const entity = found.data.items.find((e) => e.name.toLocaleLowerCase("de") === lower);
  if (!entity) return <p class="status error">„{name}“ ist im Archiv nicht als Sprecher verzeichnet.</p>;
  return <SpeakerPage id={String(entity.id)} />;
}

export function SpeakerPage({ id }: { id: string }) {
  const valid = /^\d+$/.test(id);
  const entity = useApi<EntityRecord>(valid ? `/api/entities/${id}` : null);
  const quotes = usePages<QuoteRecord>(valid ? apiPath("/api/quotes", { speaker: id, limit: 100 }) : null);
  if (!valid) return <p class="status error">Kein Sprecher: „{id}“.</p>;
  if (!entity.data) return <Status loading={entity.loading} error={entity.error} />;
  const e = entity.data;
  const byMonth = new Map<string, QuoteRecord[]>();
  for (const q of quotes.data ?? []) {
    const key = monthKey(q.dated);
    const group = byMonth.get(key);
    if (group) group.push(q);
    else byMonth.set(key, [q]);
  }
  return (
    <>
      <PageHeading title={e.name}>
        <span lang="de">{e.name}</span>
      </PageHeading>
      <dl class="facts">
        <div>
          <dt>Zitate</dt>
          <dd>{formatNumber(e.quoteCount)}</dd>
        </div>
        <div>
          <dt>Artikel</dt>
          <dd>{formatNumber(e.articleCount)}</dd>
        </div>
        <div>
          <dt>zuerst zitiert</dt>
          <dd>{formatDay(e.firstQuoted)}</dd>
        </div>
        <div>
          <dt>zuletzt zitiert</dt>
          <dd>{formatDay(e.lastQuoted)}</dd>
        </div>
        {e.wikidata && (
          <div>
            <dt>Wikidata</dt>
            <dd>{e.wikidata}</dd>
          </div>
        )}
      </dl>
      {quotes.data && quotes.data.length > 0 && <Timeline months={byMonth} />}
      <Status
        loading={quotes.loading && !quotes.data}
        error={quotes.error}
        empty={quotes.data?.length === 0 && "Keine Zitate."}
      />
      {[...byMonth].map(([month, group]) => (
        <section key={month} class="month" aria-labelledby={`m-${month}`}>
          <h2 id={`m-${month}`}>
            {formatMonth(`${month}-01`)}{" "}
            <span class="muted">· {plural(group.length, "Zitat", "Zitate")}</span>
          </h2>
          <ol class="quote-rows">
            {group.map((q) => (
              <QuoteRow key={q.id} quote={q} showSpeaker={false} />
            ))}
          </ol>
        </section>
      ))}
      <MoreButton more={quotes.more} label="Ältere Zitate laden" />
    </>
  );
}

/** Quotes per month as bars, oldest left; months without quotes between stay visible as gaps. */
function Timeline({ months }: { months: Map<string, QuoteRecord[]> }) {
  const keys = [...months.keys()].sort();
  const first = keys[0] as string;
  const last = keys.at(-1) as string;
  const all: string[] = [];
  for (let [y, m] = first.split("-").map(Number) as [number, number]; ; ) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    all.push(key);
    if (key >= last || all.length > 240) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  const max = Math.max(...all.map((k) => months.get(k)?.length ?? 0));
  return (
    <figure class="timeline">
      <figcaption>Zitate pro Monat</figcaption>
      <ol class="bars">
        {all.map((k) => {
          const n = months.get(k)?.length ?? 0;
          return (
            <li key={k} title={`${formatMonth(`${k}-01`)}: ${n}`}>
              <span class="bar" style={{ height: `${(n / max) * 100}%` }} />
              <span class="visually-hidden">
                {formatMonth(`${k}-01`)}: {plural(n, "Zitat", "Zitate")}
              </span>
            </li>
          );
        })}
      </ol>
      <p class="axis" aria-hidden="true">
        <span>{formatMonth(`${first}-01`)}</span>
        <span>{formatMonth(`${last}-01`)}</span>
      </p>
    </figure>
  );
}
