import { describe, expect, it } from "vitest";
import { htmlToArticleText } from "./html.js";

/** A news page as sites build them: navigation, tracking, ads and teasers around one article. */
const PAGE = `<!DOCTYPE html>
<html lang="de-CH">
<head>
  <meta charset="utf-8">
  <title>Zürcher Stadtrat will Tempo 30 auf allen Quartierstrassen | Stadtanzeiger</title>
  <meta name="description" content="Der Stadtrat legt ein Konzept vor, das auf rund 80 Prozent der Strassen Tempo 30 vorsieht.">
  <style>.ad { display: block; } body { font-family: serif; }</style>
  <script>window.dataLayer = [{ page: "artikel", ressort: "zuerich" }];</script>
</head>
<body>
  <header class="site-header">
    <nav><ul><li><a href="/">Startseite</a></li><li><a href="/zuerich">Zürich</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/abo">Jetzt Abo lösen</a></li></ul></nav>
  </header>
  <div class="ad ad-leaderboard" id="ad-top"><span>Anzeige</span><a href="https://ads.example/click">Jetzt Kredit sichern!</a></div>
  <main>
    <article class="article">
      <h1>Zürcher Stadtrat will Tempo 30 auf allen Quartierstrassen</h1>
      <p class="lead">Der Stadtrat legt ein Konzept vor, das auf rund 80 Prozent der städtischen Strassen
      eine tiefere Höchstgeschwindigkeit vorsieht. Das Gewerbe reagiert skeptisch.</p>
      <figure><img src="/bild.jpg" alt="Strasse"><figcaption>Foto: Keystone / Ennio Leanza</figcaption></figure>
      <p>Die zuständige Stadträtin stellte das Konzept am Mittwoch vor den Medien vor.
      «Weniger Lärm und mehr Sicherheit für Kinder auf dem Schulweg: Das ist unser Ziel», sagte sie.
      Die Umsetzung soll bis 2030 abgeschlossen sein und rund 12&nbsp;Millionen Franken kosten.</p>
      <script>trackRead("artikel-123");</script>
      <h2>Kritik vom Gewerbeverband</h2>
      <p>Der Gewerbeverband spricht von einer &laquo;Schikane für Handwerker&raquo;. Sein Präsident
      warnte, Lieferungen würden teurer: «Jeder Umweg kostet unsere Betriebe Zeit und Geld.»</p>
      <div class="ad inline-ad"><p>Anzeige: Die besten Hypotheken im Vergleich</p></div>
      <p>Unterstützung kommt dagegen von den Quartiervereinen. Sie fordern seit Jahren
      tiefere Geschwindigkeiten, vor allem rund um Schulhäuser &amp; Spielplätze.</p>
      <ul>
        <li>Lärm: minus drei Dezibel im Durchschnitt</li>
        <li>Unfälle: ein Drittel weniger Schwerverletzte</li>
      </ul>
      <blockquote><p>«Tempo 30 ist die günstigste Lärmschutzmassnahme, die wir haben.»</p></blockquote>
      <p>Der Gemeinderat wird voraussichtlich im Herbst über das Konzept beraten.</p>
    </article>
  </main>
  <aside class="teaser-box"><h3>Meistgelesen</h3><ul><li><a href="/x">FCZ verliert Derby klar</a></li>
  <li><a href="/y">Neue Tramlinie nach Altstetten</a></li></ul></aside>
  <footer><p>© 2024 Stadtanzeiger AG. Alle Rechte vorbehalten.</p><a href="/impressum">Impressum</a></footer>
  <script src="/analytics.js"></script>
  <script>document.querySelectorAll(".ad").forEach(function (ad) { ad.dataset.seen = "1"; });</script>
</body>
</html>`;

describe("htmlToArticleText", () => {
  const { text, title } = htmlToArticleText(PAGE);
  const blocks = text.trimEnd().split("\n\n");

  it("starts with the title line, then a blank line", () => {
    expect(title).toMatch(/^Zürcher Stadtrat will Tempo 30 auf allen Quartierstrassen/);
    expect(blocks[0]).toBe(title);
    expect(text.startsWith(`${title}\n\n`)).toBe(true);
  });

  it("keeps the article's paragraphs, heading, list items and quotation, one per block", () => {
    expect(blocks).toContain(
      "Die zuständige Stadträtin stellte das Konzept am Mittwoch vor den Medien vor. «Weniger Lärm und mehr " +
        "Sicherheit für Kinder auf dem Schulweg: Das ist unser Ziel», sagte sie. Die Umsetzung soll bis 2030 " +
        "abgeschlossen sein und rund 12 Millionen Franken kosten.",
    );
    expect(blocks).toContain("Kritik vom Gewerbeverband");
    expect(blocks).toContain("Lärm: minus drei Dezibel im Durchschnitt");
    expect(blocks).toContain("Unfälle: ein Drittel weniger Schwerverletzte");
    expect(blocks).toContain("«Tempo 30 ist die günstigste Lärmschutzmassnahme, die wir haben.»");
    expect(blocks.at(-1)).toBe("Der Gemeinderat wird voraussichtlich im Herbst über das Konzept beraten.");
  });

  it("decodes entities and collapses whitespace inside blocks", () => {
    expect(text).toContain("von einer «Schikane für Handwerker». Sein Präsident warnte");
    expect(text).toContain("rund um Schulhäuser & Spielplätze.");
    expect(text).not.toMatch(/&[a-z]+;/);
    for (const block of blocks) expect(block).not.toMatch(/\s{2}|\n|^\s|\s$/);
  });

  it("keeps the heading after the paragraph before it, in page order", () => {
    const heading = blocks.indexOf("Kritik vom Gewerbeverband");
    expect(blocks[heading + 1]).toMatch(/^Der Gewerbeverband spricht/);
  });

  it.each([
    ["navigation", "Startseite"],
    ["navigation", "Jetzt Abo lösen"],
    ["scripts", "dataLayer"],
    ["scripts", "trackRead"],
    ["styles", "font-family"],
    ["ads", "Jetzt Kredit sichern"],
    ["figure credits", "Keystone"],
    ["teasers", "FCZ verliert Derby"],
    ["footer", "Alle Rechte vorbehalten"],
  ])("leaves out %s (%s)", (_, snippet) => {
    expect(text).not.toContain(snippet);
  });

  it("never repeats the headline or the lead", () => {
    expect(blocks.filter((b) => b.startsWith("Zürcher Stadtrat will Tempo 30"))).toHaveLength(1);
    expect(blocks.filter((b) => b.startsWith("Der Stadtrat legt ein Konzept vor"))).toHaveLength(1);
  });
});

describe("htmlToArticleText with the lead outside the article body", () => {
  const body = [
    "Die Polizei sucht nach einem Unfall auf der Bundesstraße 31 bei Meersburg weiter nach Zeugen.",
    "Ein 54 Jahre alter Autofahrer war nach Angaben eines Sprechers am Samstagabend in einer Kurve auf " +
      "die Gegenfahrbahn geraten und mit einem Lieferwagen zusammengestoßen.",
    "„Wir gehen derzeit von einem Fahrfehler aus“, sagte der Sprecher am Sonntag. Die Strecke war " +
      "für mehrere Stunden gesperrt, der Verkehr wurde über Daisendorf umgeleitet.",
    "Wer den Unfall beobachtet hat, wird gebeten, sich beim Polizeirevier Überlingen zu melden.",
  ];
  const teaser = "Schwerer Unfall am Bodensee: Zwei Menschen wurden verletzt, einer davon lebensgefährlich.";
  const page =
    `<!doctype html><html><head><title>Unfall auf der B31</title><meta name="description" content="${teaser}">` +
    `</head><body><div class="teaser"><span>${teaser}</span></div><article>` +
    body.map((p) => `<p>${p}</p>`).join("") +
    "</article></body></html>";

  it("adds the page description back as the lead", () => {
    const { text } = htmlToArticleText(page);
    expect(text).toBe(`Unfall auf der B31\n\n${[teaser, ...body].join("\n\n")}\n`);
  });
});

describe("htmlToArticleText on bare markup", () => {
  it("reads a fragment without <html> and <body>", () => {
    const { text } = htmlToArticleText(
      "<h2>Einsatz in der Nacht</h2><p>Die Feuerwehr rückte um 2 Uhr aus.</p>" +
        "<p>Verletzt wurde niemand, wie die Polizei mitteilte.</p>",
    );
    expect(text).toBe(
      "Einsatz in der Nacht\n\nDie Feuerwehr rückte um 2 Uhr aus.\n\n" +
        "Verletzt wurde niemand, wie die Polizei mitteilte.\n",
    );
  });

  it("splits paragraphs made of double line breaks and joins single ones", () => {
    const { text } = htmlToArticleText(
      "<html><body><div>Linz. Ein Lkw kam auf der A7 von der Fahrbahn ab.<br>Der Fahrer blieb unverletzt." +
        "<br><br>Die Autobahn war zwei Stunden gesperrt, teilte die Asfinag mit.</div></body></html>",
    );
    expect(text).toBe(
      "Linz. Ein Lkw kam auf der A7 von der Fahrbahn ab. Der Fahrer blieb unverletzt.\n\n" +
        "Die Autobahn war zwei Stunden gesperrt, teilte die Asfinag mit.\n",
    );
  });

  it("returns no text for a page with nothing to read", () => {
    expect(htmlToArticleText("<html><head><script>1</script></head><body></body></html>").text).toBe("");
  });

  it("survives deeply nested markup", () => {
    const depth = 5000;
    const html = `${"<div>".repeat(depth)}<p>Tief verschachtelt, aber lesbar.</p>${"</div>".repeat(depth)}`;
    expect(htmlToArticleText(html).text).toContain("Tief verschachtelt, aber lesbar.");
  });
});
