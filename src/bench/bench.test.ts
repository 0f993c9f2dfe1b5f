import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { analyze } from "../analyze.js";
import type { LautError } from "../errors.js";
import { type BenchArticle, loadCorpus } from "./corpus.js";
import { articleText, runBench } from "./run.js";

/** Twenty short articles in the style of Swiss, Austrian and German agency news. */
const ARTICLES: BenchArticle[] = [
  {
    title: "Zürich senkt die Steuern",
    text: "«Wir geben den Überschuss zurück», sagte Finanzdirektor Ernst Stocker am Montag. Die Opposition kritisierte den Entscheid.",
  },
  {
    title: "Wien baut neue U-Bahn-Linie",
    text: "Die Stadt Wien will bis 2030 eine neue U-Bahn-Linie eröffnen. Laut Stadträtin Ulli Sima sind die Bauarbeiten im Plan.",
  },
  {
    title: "Bahnstreik in Deutschland",
    text: "Die Gewerkschaft GDL hat zu einem neuen Streik aufgerufen. «Die Bahn lässt uns keine Wahl», erklärte GDL-Chef Claus Weselsky.",
  },
  {
    title: "Lawinengefahr im Wallis",
    text: "Das Institut für Schnee- und Lawinenforschung warnt vor erheblicher Lawinengefahr. Touren abseits der Pisten seien zu vermeiden, hiess es.",
  },
  {
    title: "Inflation sinkt leicht",
    text: "Die Teuerung ist im März auf 2,1 Prozent gesunken. Ökonomen erwarten, dass sie im Sommer weiter zurückgeht.",
  },
  {
    title: "Neue Regeln für E-Trottinette",
    text: "Der Bundesrat will E-Trottinette auf Trottoirs verbieten. «Fussgänger müssen sich sicher fühlen», sagte Verkehrsminister Albert Rösti.",
  },
  {
    title: "Hochwasser an der Donau",
    text: "In Niederösterreich sind mehrere Gemeinden überflutet. Die Feuerwehr stehe im Dauereinsatz, teilte das Land mit.",
  },
  {
    title: "Streit um Windpark",
    text: "Anwohner wehren sich gegen einen geplanten Windpark im Jura. Der Gemeindepräsident sprach von einer «Zerreissprobe» für das Dorf.",
  },
  {
    title: "Spital schliesst Geburtenabteilung",
    text: "Das Regionalspital muss seine Geburtenabteilung schliessen. Es fehle an Hebammen, sagte eine Sprecherin der Spitalgruppe.",
  },
  {
    title: "Rekord bei Velofahrten",
    text: "Noch nie wurden in Bern so viele Velofahrten gezählt. «Das zeigt, dass sich die neuen Velowege lohnen», so Gemeinderätin Marieke Kruit.",
  },
  {
    text: "Der Nationalrat hat das Budget nach langer Debatte verabschiedet. Die Linke stimmte dagegen und warnte vor Kürzungen bei der Bildung.",
  },
  {
    text: "Die Polizei hat in Graz einen mutmasslichen Einbrecher festgenommen. Der Mann soll in mehr als zehn Wohnungen eingestiegen sein.",
  },
  {
    text: "«Wir stehen erst am Anfang», sagte die Forscherin Anna Keller über ihre Studie zu Mikroplastik im Bodensee.",
  },
  {
    text: "Der FC Basel hat seinen Trainer entlassen. Man habe sich nach der Niederlage gegen Luzern zu diesem Schritt entschieden, teilte der Klub mit.",
  },
  {
    text: "Nach Angaben des Wetterdienstes wird es am Wochenende bis zu 30 Grad warm. Gewitter seien am Sonntag möglich.",
  },
  {
    text: "Die Ministerin kündigte an, das Gesetz noch vor der Sommerpause vorzulegen. Kritiker halten den Zeitplan für «unrealistisch».",
  },
  {
    text: "Das Museum zeigt ab Freitag Werke von Sophie Taeuber-Arp. «Eine Künstlerin, die ihrer Zeit voraus war», sagte der Kurator.",
  },
  {
    text: "Der Konzern streicht 300 Stellen in der Schweiz. Die Gewerkschaft Unia sprach von einem «Kahlschlag» und forderte einen Sozialplan.",
  },
  {
    text: "Die Zahl der Asylgesuche ist im vergangenen Jahr gestiegen. Das Staatssekretariat für Migration rechnet mit einer Stabilisierung.",
  },
  {
    text: "Laut einer Umfrage wünschen sich zwei Drittel der Befragten mehr Homeoffice. Arbeitgeber sehen das skeptisch.",
  },
];

/** Within a relative tolerance. */
const near = (actual: number, expected: number, tolerance: number): boolean =>
  Math.abs(actual - expected) <= Math.abs(expected) * tolerance;

const dir = mkdtempSync(join(tmpdir(), "laut-bench-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function corpusFile(name: string, lines: string[], gzip: boolean): string {
  const path = join(dir, name);
  const body = `${lines.join("\n")}\n`;
  writeFileSync(path, gzip ? gzipSync(body) : body);
  return path;
}

const lines = [
  ...ARTICLES.slice(0, 10).map((a, i) => JSON.stringify({ id: i, ...a })),
  "{ kein JSON",
  "",
  JSON.stringify({ id: 99, title: "Ohne Text" }),
  ...ARTICLES.slice(10).map((a, i) => JSON.stringify({ id: 10 + i, ...a })),
];

describe("loadCorpus", () => {
  it("reads gzipped JSON Lines, skipping and counting lines without an article", async () => {
    const corpus = await loadCorpus(corpusFile("c.jsonl.gz", lines, true));
    expect(corpus.articles).toEqual(ARTICLES);
    expect(corpus.skipped).toBe(2);
  });

  it("reads plain JSON Lines, whatever the file is called", async () => {
    const corpus = await loadCorpus(corpusFile("c.gz", lines, false));
    expect(corpus.articles).toHaveLength(20);
  });

  it("stops after the limit", async () => {
    const corpus = await loadCorpus(corpusFile("limit.jsonl.gz", lines, true), { limit: 12 });
    expect(corpus.articles).toEqual(ARTICLES.slice(0, 12));
  });

  it("keeps a last line without a newline", async () => {
    const path = join(dir, "nonl.jsonl");
    writeFileSync(path, `${JSON.stringify(ARTICLES[0])}\n${JSON.stringify(ARTICLES[1])}`);
    expect((await loadCorpus(path)).articles).toEqual(ARTICLES.slice(0, 2));
  });

  it("reports missing files, directories and corrupt gzip with stable codes", async () => {
    const code = (p: Promise<unknown>) => p.then(() => "ok").catch((e: unknown) => (e as LautError).code);
    expect(await code(loadCorpus(join(dir, "fehlt.jsonl.gz")))).toBe("E_INPUT_NOT_FOUND");
    expect(await code(loadCorpus(dir))).toBe("E_INPUT_NOT_FOUND");
    const whole = gzipSync(`${lines.join("\n")}\n`.repeat(50));
    const truncated = join(dir, "truncated.jsonl.gz");
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await code(loadCorpus(truncated))).toBe("E_INPUT_ENCODING");
  });
});

describe("runBench", () => {
  it("analyses title and text of every article and reports consistent rates", () => {
    const progress: number[] = [];
    const result = runBench(ARTICLES, { warmup: 3, onProgress: (done) => progress.push(done) });
    const chars = ARTICLES.reduce((n, a) => n + articleText(a).length, 0);
    expect(result.articles).toBe(20);
    expect(result.chars).toBe(chars);
    expect(result.seconds).toBeGreaterThan(0);
    // seconds is rounded to milliseconds, the rates are computed before rounding
    expect(result.articlesPerSec).toBeGreaterThanOrEqual(20 / (result.seconds + 0.0005) - 0.05);
    if (result.seconds > 0.0005) {
      expect(result.articlesPerSec).toBeLessThanOrEqual(20 / (result.seconds - 0.0005) + 0.05);
    }
    expect(near(result.charsPerSec / result.articlesPerSec, chars / 20, 0.01)).toBe(true);
    const tokens = ARTICLES.reduce((n, a) => n + analyze(articleText(a)).tokens.length, 0);
    expect(near(result.tokensPerSec / result.charsPerSec, tokens / chars, 0.01)).toBe(true);
    expect(result.baselineCharsPerSec).toBeGreaterThan(0);
    expect(near(result.ratioToBaseline, result.charsPerSec / result.baselineCharsPerSec, 0.01)).toBe(true);
    expect(result.peakRssMB).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(20);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("warms up on articles it does not time, and counts quotes", () => {
    const seen: string[] = [];
    const result = runBench(ARTICLES, {
      warmup: 5,
      analyze: (text) => {
        seen.push(text);
        return analyze(text);
      },
    });
    expect(seen).toHaveLength(25);
    expect(seen.slice(0, 5)).toEqual(ARTICLES.slice(0, 5).map(articleText));
    const quotes = ARTICLES.reduce((n, a) => n + analyze(articleText(a)).quotes.length, 0);
    expect(result.quotesPerArticle).toBe(Math.round((quotes / 20) * 100) / 100);
  });

  it("puts a title before the text as its own paragraph", () => {
    expect(articleText({ title: "Titel", text: "Text." })).toBe("Titel\n\nText.");
    expect(articleText({ text: "Text." })).toBe("Text.");
  });
});
