/**
 * A small archive for the API and browser tests: invented German, Austrian and Swiss news items
 * written for laut (people, outlets and events are fictitious), with speakers who recur across
 * articles and months, so filters, speaker pages and pagination have something to find.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runIngest } from "../ingest/runner.js";
import type { CaseArticle } from "../store/articles.case.js";
import { openStore } from "../store/index.js";
import type { Store } from "../store/store.js";

export const TEST_ARTICLES: CaseArticle[] = [
  {
    id: "rp-1",
    url: "https://rheinpost.example/koeln/radwege-1",
    date: "2024-03-04",
    source: "Rheinpost",
    title: "Köln plant zwanzig Kilometer neue Radwege",
    text: `Die Stadt Köln will bis 2026 zwanzig Kilometer neue Radwege bauen. Oberbürgermeisterin Anna Vogt stellte die Pläne am Montag im Rathaus vor.

„Wir machen Köln zur Fahrradstadt, und zwar nicht irgendwann, sondern jetzt“, sagte Vogt. Die Finanzierung sei gesichert, erklärte sie. Der Bund übernehme einen Großteil der Kosten.

Kritik kam von der Opposition. Der Fraktionschef der Bürgerliste, Markus Hahn, sprach von „Symbolpolitik“. „Die Pendler aus dem Umland bleiben im Stau stehen“, sagte Hahn.

Laut Stadtverwaltung sollen die ersten Abschnitte im Herbst fertig sein. Die Straßenverkehrsordnungsänderungsverordnung des Bundes erleichtere die Planung, hieß es aus dem Verkehrsdezernat.`,
  },
  {
    id: "rp-2",
    url: "https://rheinpost.example/koeln/radwege-2",
    date: "2024-09-18",
    source: "Rheinpost",
    title: "Erste Radwege in Köln eröffnet",
    text: `Ein halbes Jahr nach der Ankündigung sind in Köln die ersten vier Kilometer neuer Radwege freigegeben worden.

„Das ist erst der Anfang“, sagte Oberbürgermeisterin Anna Vogt bei der Eröffnung an der Aachener Straße. Sie kündigte an, dass bis Jahresende weitere sechs Kilometer folgen würden.

Markus Hahn von der Bürgerliste blieb skeptisch. Die Baustellen hätten den Verkehr monatelang lahmgelegt, sagte er. „Wer zahlt eigentlich für die Umleitungen?“, fragte Hahn.

Der Fahrradclub begrüßte die Eröffnung. „Endlich bewegt sich etwas“, sagte die Vorsitzende Petra Lindner.`,
  },
  {
    id: "wa-1",
    url: "https://wiener-abendblatt.example/gesundheit/spitaeler",
    date: "2024-11-05",
    source: "Wiener Abendblatt",
    title: "Wiener Spitäler suchen Pflegekräfte",
    text: `In den Wiener Spitälern fehlen nach Angaben der Gewerkschaft mehr als 800 Pflegekräfte.

„Die Lage auf den Stationen ist dramatisch“, sagte Gewerkschaftssprecherin Eva Berger. Viele Beschäftigte arbeiteten seit Monaten am Limit, betonte sie.

Gesundheitsstadtrat Karl Brenner wies die Kritik zurück. „Wir haben im vergangenen Jahr so viele Pflegekräfte eingestellt wie nie zuvor“, sagte Brenner. Die Stadt werde die Ausbildungsplätze verdoppeln, kündigte er an.

Die Gewerkschaft forderte höhere Löhne und eine Zulage für Nachtdienste.`,
  },
  {
    id: "wa-2",
    url: "https://wiener-abendblatt.example/gesundheit/ausbildung",
    date: "2025-02-12",
    source: "Wiener Abendblatt",
    title: "Mehr Ausbildungsplätze für die Pflege",
    text: `Wien verdoppelt die Zahl der Ausbildungsplätze in der Pflege. Das gab Gesundheitsstadtrat Karl Brenner am Mittwoch bekannt.

„Wir lösen das Problem an der Wurzel“, sagte Brenner. Die ersten 400 Schülerinnen und Schüler sollen im Herbst beginnen.

Eva Berger von der Gewerkschaft sprach von einem „ersten Schritt“. Ohne bessere Bezahlung würden viele den Beruf nach wenigen Jahren wieder verlassen, warnte sie.`,
  },
  {
    id: "sa-1",
    url: "https://stadtanzeiger-bern.example/region/aare",
    date: "2025-06-30",
    source: "Stadtanzeiger Bern",
    title: "Aare-Schwimmer sollen Rettungswesten tragen",
    text: `Nach mehreren Unfällen empfiehlt die Berner Polizei, beim Aareschwimmen eine Schwimmhilfe mitzunehmen.

«Die Strömung wird von vielen massiv unterschätzt», sagte Polizeisprecher Urs Keller. Besonders nach Gewittern sei die Aare gefährlich, erklärte er.

Die Rettungsschwimmerin Nadia Meier hält die Empfehlung für richtig. «Wir holen jeden Sommer Leute aus dem Wasser, die sich völlig überschätzt haben», sagte Meier. Die Donaudampfschifffahrtsgesellschaftskapitänsmütze trage dort niemand, scherzte sie.

Laut Polizei ertranken im vergangenen Sommer drei Menschen in der Aare.`,
  },
];

/** The test articles as a JSON Lines corpus, ingested into a new archive in `dir`. */
export async function buildTestArchive(dir: string): Promise<Store> {
  const corpus = join(dir, "artikel.jsonl");
  await writeFile(corpus, `${TEST_ARTICLES.map((a) => JSON.stringify(a)).join("\n")}\n`);
  const store = await openStore({ path: join(dir, "archiv.db") });
  const summary = await runIngest({ inputs: [corpus], store, workers: 0, fetch: false });
  if (summary.added !== TEST_ARTICLES.length) {
    throw new Error(`test archive: ${summary.added} of ${TEST_ARTICLES.length} articles added`);
  }
  return store;
}
