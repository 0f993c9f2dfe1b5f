/** Everyone the archive quotes, most quoted first. */
import { apiPath, type EntityRecord, usePages } from "../api.js";
import { formatDay, formatNumber } from "../format.js";
import { Link, type Location, navigate } from "../router.js";
import { MoreButton, PageHeading, Status } from "../ui.js";

export function SpeakersPage({ loc }: { loc: Location }) {
  const q = loc.query.get("q") ?? "";
  const list = usePages<EntityRecord>(apiPath("/api/speakers", { q, limit: 50 }));
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget as HTMLFormElement).get("q") ?? "").trim();
    navigate(value ? `/sprecher?q=${encodeURIComponent(value)}` : "/sprecher");
  };
  return (
    <>
      <PageHeading title="Sprecher">Sprecher</PageHeading>
      <search aria-label="Sprecher suchen">
        <form class="filters" onSubmit={onSubmit}>
          <label>
            Name enthält
            <input name="q" type="search" maxLength={500} defaultValue={q} />
          </label>
          <button type="submit">Suchen</button>
        </form>
      </search>
      <Status
        loading={list.loading && !list.data}
        error={list.error}
        empty={list.data?.length === 0 && "Niemand gefunden."}
      />
      {list.data && list.data.length > 0 && (
        <table class="speakers">
          <caption class="visually-hidden">Sprecher nach Zahl der Zitate</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" class="num">
                Zitate
              </th>
              <th scope="col" class="num">
                Artikel
              </th>
              <th scope="col">zuerst zitiert</th>
              <th scope="col">zuletzt zitiert</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((e) => (
              <tr key={e.id}>
                <th scope="row" lang="de">
                  <Link href={`/sprecher/${e.id}`}>{e.name}</Link>
                </th>
                <td class="num">{formatNumber(e.quoteCount)}</td>
                <td class="num">{formatNumber(e.articleCount)}</td>
                <td>{formatDay(e.firstQuoted)}</td>
                <td>{formatDay(e.lastQuoted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MoreButton more={list.more} label="Weitere laden" />
    </>
  );
}
