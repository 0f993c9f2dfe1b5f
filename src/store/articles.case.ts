/**
 * Test articles for the archive and the ingest runner, written for laut: short German news items
 * from Germany, Austria and Switzerland with direct and indirect quotes, plus an English and a
 * French item, and a generator of many distinct German items for the ingest tests.
 */
import type { IncomingArticle } from "../ingest/article.js";

export interface CaseArticle {
  id: string;
  url: string;
  date: string;
  source: string;
  title: string;
  text: string;
}

export const GERMAN_ARTICLES: CaseArticle[] = [
  {
    id: "ukraine-munition",
    url: "https://tagesblatt.example/politik/munition",
    date: "2024-03-05T09:30:00+01:00",
    source: "Tagesblatt",
    title: "Regierung sagt weitere Hilfe zu",
    text:
      "Die Bundesregierung hat am Dienstag weitere Munitionslieferungen an die Ukraine angekündigt. " +
      "„Wir werden die Lieferungen fortsetzen, solange es nötig ist“, sagte Verteidigungsminister Boris Pistorius in Berlin.\n\n" +
      "Die Opposition reagierte zurückhaltend. Friedrich Merz erklärte, die Regierung handle viel zu langsam.",
  },
  {
    id: "zuerich-strasse",
    url: "https://rundschau.example/zuerich/sperrung",
    date: "2024-03-12T07:00:00+01:00",
    source: "Rundschau",
    title: "Sperrung in Zürich dauert länger",
    text:
      "Die Bauarbeiten an der Hauptstraße in Zürich verzögern sich um mehrere Wochen. " +
      "„Die Sperrung bleibt bis Ende Mai bestehen“, sagte Stadträtin Simone Brander am Montag.\n\n" +
      "Anwohnerinnen und Anwohner beklagen sich über den Lärm. Die größten Probleme gebe es nachts, sagte ein Sprecher des Quartiervereins.",
  },
  {
    id: "wien-gas",
    url: "https://tagesblatt.example/oesterreich/gas",
    date: "2024-04-02T18:15:00+02:00",
    source: "Tagesblatt",
    title: "Nehammer verspricht Entlastung",
    text:
      "Bundeskanzler Karl Nehammer sagte am Dienstag in Wien: „Die Teuerung trifft die Familien hart.“ " +
      "Die Lieferung von Gas sei für den kommenden Winter gesichert, erklärte Energieministerin Leonore Gewessler.\n\n" +
      "Die Opposition forderte eine Senkung der Steuern auf Energie.",
  },
  {
    id: "bundeswehr-personal",
    url: "https://rundschau.example/politik/bundeswehr",
    date: "2024-04-20T12:00:00+02:00",
    source: "Rundschau",
    title: "Bundeswehr sucht Personal",
    text:
      "„Die Bundeswehr braucht dringend mehr Personal“, sagte Boris Pistorius am Montag bei einem Besuch in Munster. " +
      "Der Minister kündigte an, die Werbung für den Dienst deutlich auszuweiten.\n\n" +
      "Der Wehrbeauftragte Eva Högl sagte, die Truppe sei überaltert.",
  },
  {
    id: "bern-schuldenbremse",
    url: "https://zeitung.example/schweiz/schuldenbremse",
    date: "2024-05-08T10:45:00+02:00",
    source: "Berner Zeitung",
    title: "Keller-Sutter verteidigt die Schuldenbremse",
    text:
      "Bundesrätin Karin Keller-Sutter hat die Schuldenbremse gegen Kritik verteidigt. " +
      "„Wir haben keine Wahl, wenn wir den Haushalt im Gleichgewicht halten wollen“, sagte sie am Mittwoch in Bern.\n\n" +
      "Die Sozialdemokraten verlangen dagegen höhere Ausgaben für die Armee und die Bildung.",
  },
];

export const ENGLISH_ARTICLE: CaseArticle = {
  id: "brussels-ai",
  url: "https://daily.example/brussels-ai",
  date: "2024-03-06T08:00:00Z",
  source: "The Daily Example",
  title: "Commission proposes new AI rules",
  text:
    "The European Commission said on Monday that it would propose new rules for artificial intelligence. " +
    "Officials expect the member states to agree on the package before the summer, a spokesman told reporters in Brussels.",
};

export const FRENCH_ARTICLE: CaseArticle = {
  id: "paris-retraites",
  url: "https://quotidien.example/paris-retraites",
  date: "2024-03-07T08:00:00+01:00",
  source: "Le Quotidien",
  title: "Le gouvernement présente sa réforme",
  text:
    "Le gouvernement a annoncé lundi une nouvelle réforme des retraites. " +
    "« Nous devons agir maintenant », a déclaré la Première ministre devant l'Assemblée nationale, où l'opposition a vivement protesté.",
};

/** As a JSON Lines source would deliver it. */
export function incoming(a: CaseArticle, origin = `case:${a.id}`): IncomingArticle {
  return {
    origin,
    url: a.url,
    title: a.title,
    published: a.date,
    author: null,
    site: a.source,
    text: a.text,
    format: "jsonl",
    encoding: "utf-8",
  };
}

const PEOPLE = [
  ["Innenministerin", "Nancy Faeser"],
  ["Finanzminister", "Christian Lindner"],
  ["Gesundheitsminister", "Karl Lauterbach"],
  ["Bürgermeisterin", "Franziska Giffey"],
  ["Landeshauptmann", "Wilfried Haslauer"],
  ["Stadtpräsidentin", "Corine Mauch"],
] as const;
const PLACES = ["Berlin", "Hamburg", "München", "Wien", "Graz", "Zürich", "Basel", "Köln"] as const;
const TOPICS = [
  ["den Ausbau der Radwege", "Radwege"],
  ["die Sanierung der Schulen", "Schulen"],
  ["neue Wohnungen für Familien", "Wohnungen"],
  ["die Versorgung mit Strom", "Stromversorgung"],
  ["mehr Personal in den Kliniken", "Kliniken"],
] as const;

/**
 * n distinct German articles as JSON Lines objects; every 40th repeats an earlier text under a new
 * id (a duplicate), and every 75th is English (skipped).
 */
export function generatedArticles(n: number): CaseArticle[] {
  const out: CaseArticle[] = [];
  for (let i = 0; i < n; i++) {
    const [role, person] = PEOPLE[i % PEOPLE.length] as readonly [string, string];
    const place = PLACES[(i * 7) % PLACES.length] as string;
    const [topic, short] = TOPICS[(i * 3) % TOPICS.length] as readonly [string, string];
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String(((i >> 5) % 12) + 1).padStart(2, "0");
    const base = {
      id: `gen-${i}`,
      url: `https://archiv.example/${i}`,
      date: `2023-${month}-${day}T08:00:00Z`,
      source: ["Tagesblatt", "Rundschau", "Berner Zeitung"][i % 3] as string,
    };
    if (i > 0 && i % 75 === 0) {
      out.push({
        ...base,
        title: `Council meeting ${i}`,
        text: `The city council met for the ${i}th time on Tuesday and discussed ${i * 3} proposals about public transport, housing and schools, a spokeswoman said.`,
      });
      continue;
    }
    if (i > 0 && i % 40 === 0) {
      const earlier = out[i - 17] as CaseArticle;
      out.push({ ...base, title: earlier.title, text: earlier.text });
      continue;
    }
    out.push({
      ...base,
      title: `${person} will ${short} fördern`,
      text:
        `${role} ${person} hat am Dienstag in ${place} ein Programm für ${topic} vorgestellt. ` +
        `„Wir investieren in diesem Jahr ${i + 12} Millionen Euro, und das ist erst der Anfang“, sagte ${person} vor Journalisten.\n\n` +
        `Die Opposition hält das Vorhaben für unzureichend. Der Verband der Steuerzahler erklärte, ${i % 9} von zehn Projekten seien schlecht geplant. ` +
        `Bis zum Herbst sollen ${i * 2 + 5} weitere Vorhaben folgen, hieß es aus dem Ministerium in ${place}.`,
    });
  }
  return out;
}

export function jsonLines(articles: readonly CaseArticle[]): string {
  return `${articles.map((a) => JSON.stringify(a)).join("\n")}\n`;
}
