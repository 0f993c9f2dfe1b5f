/** The frame every page shares (skip link, header, navigation) and the routes. */
import type { JSX } from "preact";
import type { ServerInfo } from "./api.js";
import { useApi } from "./api.js";
import { formatNumber } from "./format.js";
import { AnalyzePage } from "./pages/analyze.js";
import { ArticlePage } from "./pages/article.js";
import { ArticlesPage } from "./pages/articles.js";
import { SearchPage } from "./pages/search.js";
import { SpeakerByName, SpeakerPage } from "./pages/speaker.js";
import { SpeakersPage } from "./pages/speakers.js";
import { Link, type Location, match, useLocation } from "./router.js";
import { PageHeading } from "./ui.js";

const NAV = [
  { href: "/", label: "Artikel", section: ["/", "/artikel"] },
  { href: "/sprecher", label: "Sprecher", section: ["/sprecher"] },
  { href: "/suche", label: "Suche", section: ["/suche"] },
  { href: "/analyse", label: "Text analysieren", section: ["/analyse"] },
];

type Params = Record<string, string>;

/** first match wins: /sprecher/name/… before /sprecher/:id */
const ROUTES: [string, (p: Params, loc: Location, info: ServerInfo | null) => JSX.Element][] = [
  ["/", (_, loc) => <ArticlesPage loc={loc} />],
  ["/artikel/:id", (p) => <ArticlePage key={p.id} id={p.id as string} />],
  ["/sprecher", (_, loc) => <SpeakersPage loc={loc} />],
  ["/sprecher/name/:name", (p) => <SpeakerByName key={p.name} name={p.name as string} />],
  ["/sprecher/:id", (p) => <SpeakerPage key={p.id} id={p.id as string} />],
  ["/suche", (_, loc) => <SearchPage loc={loc} />],
  ["/analyse", (_, __, info) => <AnalyzePage info={info} />],
];

function page(loc: Location, info: ServerInfo | null): JSX.Element {
  for (const [pattern, render] of ROUTES) {
    const params = match(pattern, loc.path);
    if (params) return render(params, loc, info);
  }
  return (
    <>
      <PageHeading title="Nicht gefunden">Seite nicht gefunden</PageHeading>
      <p>
        Unter <code>{loc.path}</code> gibt es nichts. <Link href="/">Zu den Artikeln</Link>
      </p>
    </>
  );
}

export function App() {
  const loc = useLocation();
  const info = useApi<ServerInfo>("/api/info").data;
  const current = (section: string[]) =>
    section.some((s) => (s === "/" ? loc.path === "/" : loc.path === s || loc.path.startsWith(`${s}/`)));
  return (
    <>
      <a class="skip-link" href="#main">
        Zum Inhalt springen
      </a>
      <header class="site-header">
        <div class="wrap">
          <Link href="/" class="brand" aria-label="laut, Startseite">
            <span aria-hidden="true" class="brand-mark">
              „
            </span>
            laut
          </Link>
          <nav aria-label="Hauptnavigation">
            <ul class="nav-list">
              {NAV.map((n) => (
                <li key={n.href}>
                  <Link href={n.href} class="nav-link" aria-current={current(n.section) ? "page" : undefined}>
                    {n.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {info && (
            <p class="archive-size">
              {formatNumber(info.archive.articles)} Artikel · {formatNumber(info.archive.quotes)} Zitate
            </p>
          )}
        </div>
      </header>
      <main id="main" class="wrap" tabIndex={-1}>
        {page(loc, info)}
      </main>
      <footer class="site-footer wrap">
        <p>
          laut {info?.version ?? ""} · <a href="/docs">API</a> · <a href="/openapi.json">OpenAPI</a>
        </p>
      </footer>
    </>
  );
}
