/**
 * A hand-built Analysis of a short Swiss-style article, for the renderer tests: the renderers
 * must not depend on what the pipeline currently finds. Offsets are computed from the text by
 * searching for the quoted phrases, so the fixture stays right when the wording is edited.
 */
import { type Analysis, type AnalysisEntity, type AnalysisQuote, SCHEMA_VERSION } from "../analysis.js";
import type { ParagraphKind, QuotedRole, Span } from "../doc.js";

export const SAMPLE_TEXT = [
  "Winterthur streitet über die neue Tramlinie",
  "",
  "Die geplante Tramlinie durch die Altstadt sorgt für Streit. Der Stadtrat will am Dienstag entscheiden.",
  "",
  "«Wir können uns diese Linie nicht leisten», sagte Finanzvorsteherin Regula Brunner am Montag, «nicht in dieser Form.» Die Kosten seien seit der ersten Planung um ein Drittel gestiegen.",
  "",
  "Verkehrsdirektor Marco Bianchi widersprach: «Ohne die Tram wird die Altstadt im Verkehr ersticken.» Die Linie sei «ein Jahrhundertprojekt», sagte er.",
  "",
  "Kritik vom Gewerbe",
  "",
  "Der Gewerbeverband sprach von einer «Zwängerei». Laut Verbandspräsident Thomas Keller fürchten viele Läden monatelange Umsatzeinbussen. Die Zeitung «Der Landbote» hatte zuerst über die Pläne berichtet.",
  "",
  "Keller sagte, auch Bianchi habe eingeräumt, dass der Zeitplan «sportlich» sei. «Wir sind nicht gegen die Tram, aber gegen diesen Zeitplan», so Keller.",
  "",
  "«Das letzte Wort hat das Volk.»",
].join("\n");

/** Span of the n-th (0-based) occurrence of `needle` in `text`, searching from `from`. */
export function spanOf(text: string, needle: string, occurrence = 0, from = 0): Span {
  let start = text.indexOf(needle, from);
  for (let i = 0; i < occurrence && start >= 0; i++) start = text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`fixture: "${needle}" not found`);
  return { start, end: start + needle.length };
}

export function sampleAnalysis(text = SAMPLE_TEXT): Analysis {
  const ts = (span: Span) => ({ ...span, text: text.slice(span.start, span.end) });
  const at = (needle: string, occurrence = 0) => spanOf(text, needle, occurrence);

  const paragraphs: (Span & { kind: ParagraphKind })[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    if (line.trim() !== "") {
      const kind: ParagraphKind =
        paragraphs.length === 0
          ? "title"
          : line === "Kritik vom Gewerbe"
            ? "heading"
            : paragraphs.length === 1
              ? "lead"
              : "body";
      paragraphs.push({ start: offset, end: offset + line.length, kind });
    }
    offset += line.length + 1;
  }
  const tokens: Span[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+|\S/gu))
    tokens.push({ start: m.index, end: m.index + m[0].length });
  const sentences: (Span & { paragraph: number })[] = paragraphs.map((p, i) => ({
    start: p.start,
    end: p.end,
    paragraph: i,
  }));

  const entity = (
    type: AnalysisEntity["type"],
    name: string,
    role: string | null,
    mentions: Span[],
  ): Omit<AnalysisEntity, "id"> => ({
    type,
    name,
    role,
    wikidata: null,
    aliases: [...new Set(mentions.map((m) => ts(m).text))],
    mentions: mentions.map(ts),
  });
  const entities: AnalysisEntity[] = [
    entity("PER", "Regula Brunner", "Finanzvorsteherin", [at("Regula Brunner")]),
    entity("PER", "Marco Bianchi", "Verkehrsdirektor", [at("Marco Bianchi"), at("Bianchi", 1)]),
    entity("PER", "Thomas Keller", "Verbandspräsident", [
      at("Thomas Keller"),
      at("Keller", 1),
      at("Keller", 2),
    ]),
    entity("ORG", "Der Landbote", null, [at("Der Landbote")]),
  ].map((e, i) => ({ id: `e${i + 1}`, ...e }));

  const quotedDefs: [string, QuotedRole, number | null][] = [
    ["«Wir können uns diese Linie nicht leisten»", "speech", 0],
    ["«nicht in dieser Form.»", "speech", 0],
    ["«Ohne die Tram wird die Altstadt im Verkehr ersticken.»", "speech", 2],
    ["«ein Jahrhundertprojekt»", "partial", 3],
    ["«Zwängerei»", "scare", null],
    ["«Der Landbote»", "name", null],
    ["«sportlich»", "partial", 5],
    ["«Wir sind nicht gegen die Tram, aber gegen diesen Zeitplan»", "speech", 7],
    ["«Das letzte Wort hat das Volk.»", "speech", 8],
  ];
  const quoted = quotedDefs.map(([needle, role, quote], i) => {
    const span = at(needle);
    return {
      id: `m${i + 1}`,
      ...ts(span),
      role,
      inner: { start: span.start + 1, end: span.end - 1 },
      quote: quote === null ? null : `q${quote + 1}`,
    };
  });

  const speaker = (mention: Span, entityIndex: number) => {
    const e = entities[entityIndex];
    if (!e) throw new Error("fixture: entity");
    return { ...ts(mention), name: e.name, entity: e.id, ...(e.role ? { role: e.role } : {}) };
  };
  const cue = (span: Span, lemma: string) => ({ ...ts(span), lemma, parts: [{ ...span }] });
  const quote = (
    type: AnalysisQuote["type"],
    spans: Span[],
    rest: Partial<AnalysisQuote> & Pick<AnalysisQuote, "confidence" | "attribution">,
  ): AnalysisQuote => ({
    id: "",
    type,
    medium: "speech",
    text: spans.map((s) => text.slice(s.start, s.end)).join(" … "),
    spans,
    quoted: [],
    cue: null,
    speaker: null,
    addressee: null,
    frame: null,
    ...rest,
  });
  const sagteKeller = at("Keller sagte");
  const soKeller = at("so Keller");
  const sagteEr = at("sagte er.");
  const quotes: AnalysisQuote[] = [
    quote("direct", [at("«Wir können uns diese Linie nicht leisten»"), at("«nicht in dieser Form.»")], {
      cue: cue(at("sagte"), "sagen"),
      speaker: speaker(at("Regula Brunner"), 0),
      confidence: 0.95,
      attribution: "cue",
    }),
    quote("indirect", [at("Die Kosten seien seit der ersten Planung um ein Drittel gestiegen.")], {
      speaker: speaker(at("Regula Brunner"), 0),
      confidence: 0.7,
      attribution: "continuation",
    }),
    quote("direct", [at("«Ohne die Tram wird die Altstadt im Verkehr ersticken.»")], {
      cue: cue(at("widersprach"), "widersprechen"),
      speaker: speaker(at("Marco Bianchi"), 1),
      confidence: 0.9,
      attribution: "colon",
    }),
    quote("indirect", [at("Die Linie sei «ein Jahrhundertprojekt»")], {
      cue: cue(at("sagte", 1), "sagen"),
      speaker: speaker({ start: sagteEr.start + 6, end: sagteEr.start + 8 }, 1),
      confidence: 0.8,
      attribution: "cue",
    }),
    quote("indirect", [at("fürchten viele Läden monatelange Umsatzeinbussen")], {
      cue: cue(at("Laut"), "laut"),
      speaker: speaker(at("Thomas Keller"), 2),
      confidence: 0.85,
      attribution: "cue",
    }),
    // the nested quote: Bianchi's admission inside Keller's indirect speech
    quote("indirect", [at("dass der Zeitplan «sportlich» sei")], {
      cue: cue(at("eingeräumt"), "einräumen"),
      speaker: speaker(at("Bianchi", 1), 1),
      confidence: 0.6,
      attribution: "cue",
    }),
    quote("indirect", [at("auch Bianchi habe eingeräumt, dass der Zeitplan «sportlich» sei")], {
      cue: cue({ start: sagteKeller.start + 7, end: sagteKeller.end }, "sagen"),
      speaker: speaker({ start: sagteKeller.start, end: sagteKeller.start + 6 }, 2),
      confidence: 0.9,
      attribution: "cue",
    }),
    quote("direct", [at("«Wir sind nicht gegen die Tram, aber gegen diesen Zeitplan»")], {
      cue: cue({ start: soKeller.start, end: soKeller.start + 2 }, "so"),
      speaker: speaker(at("Keller", 2), 2),
      confidence: 0.88,
      attribution: "cue",
    }),
    quote("direct", [at("«Das letzte Wort hat das Volk.»")], { confidence: 0.4, attribution: "none" }),
  ].map((q, i) => ({ ...q, id: `q${i + 1}` }));
  for (const m of quoted) {
    const q = quotes.find((x) => x.id === m.quote);
    if (q) q.quoted.push(m.id);
  }

  return {
    schemaVersion: SCHEMA_VERSION,
    source: { name: "winterthur-tram.txt", format: "text", encoding: "utf-8" },
    text,
    title: paragraphs[0] ? ts(paragraphs[0]) : null,
    paragraphs,
    sentences,
    tokens,
    quoted,
    quotes,
    entities,
  };
}
