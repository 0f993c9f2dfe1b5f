/**
 * Hand-written German news stories in the WikiNews gold JSON shape, for tests of the eval runs
 * and the CLI that must not depend on /work/shared. Annotations name their parts by phrases,
 * which must occur once in the text; offsets and token ids are computed from them.
 */

export interface FixtureQuote {
  quote: string[];
  speaker?: string[];
  cue?: string[];
  type: string;
  medium: string;
  isNested?: boolean;
}

export function wikinewsGold(text: string, quotes: FixtureQuote[]): Record<string, unknown> {
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+|\S/gu)].map((m, id) => ({
    id,
    charBegin: m.index,
    charEnd: m.index + m[0].length,
    text: m[0],
  }));
  const part = (phrases: string[] = []) => {
    const spans = phrases.map((phrase) => {
      const start = text.indexOf(phrase);
      if (start < 0 || text.indexOf(phrase, start + 1) >= 0) throw new Error(`"${phrase}" must occur once`);
      const end = start + phrase.length;
      const covered = tokens.filter((t) => t.charBegin >= start && t.charEnd <= end);
      return {
        begin: covered[0]?.id ?? 0,
        end: (covered.at(-1)?.id ?? 0) + 1,
        charBegin: start,
        charEnd: end,
        ids: covered.map((t) => t.id),
      };
    });
    return {
      spans: spans.map(({ ids, ...s }) => s),
      text: phrases.join(" "),
      tokenIds: spans.flatMap((s) => s.ids),
    };
  };
  return {
    documentName: "fixture",
    originalText: text,
    tokens,
    annotations: quotes.map((q, id) => ({
      id,
      quote: part(q.quote),
      speaker: part(q.speaker),
      cue: part(q.cue),
      frame: part(),
      addressee: part(),
      type: q.type,
      medium: q.medium,
      isNested: q.isNested ?? false,
      hasNested: false,
    })),
  };
}

export const STORIES: { name: string; text: string; quotes: FixtureQuote[] }[] = [
  {
    name: "001 - Leipzig baut die Straßenbahn aus",
    text:
      "Leipzig will den Ausbau der Straßenbahn beschleunigen. „Wir haben keine Zeit mehr zu verlieren“, " +
      "sagte Oberbürgermeister Burkhard Jung am Montag. Die Verkehrsbetriebe teilten mit, die ersten " +
      "Strecken sollten bereits 2026 fertig sein.",
    quotes: [
      {
        quote: ["„Wir haben keine Zeit mehr zu verlieren“"],
        speaker: ["Oberbürgermeister Burkhard Jung"],
        cue: ["sagte"],
        type: "Direct",
        medium: "Speech",
      },
      {
        quote: ["die ersten Strecken sollten bereits 2026 fertig sein"],
        speaker: ["Die Verkehrsbetriebe"],
        cue: ["teilten mit"],
        type: "Indirect",
        medium: "Writing",
      },
    ],
  },
  {
    name: "002 - Wiener Linien verlängern die U2",
    text:
      "Die Wiener Linien verlängern die U2 bis zum Wienerberg. Die Bauarbeiten sollen laut einer " +
      "Sprecherin im Herbst beginnen. Kritik kam von Anrainern: Der Lärm sei unzumutbar, sagte ein Sprecher " +
      "der Bürgerinitiative.",
    quotes: [
      {
        quote: ["Die Bauarbeiten sollen", "im Herbst beginnen"],
        speaker: ["einer Sprecherin"],
        cue: ["laut"],
        type: "Reported",
        medium: "Speech",
      },
      {
        quote: ["Der Lärm sei unzumutbar"],
        speaker: ["ein Sprecher der Bürgerinitiative"],
        cue: ["sagte"],
        type: "Indirect",
        medium: "Speech",
      },
    ],
  },
];
