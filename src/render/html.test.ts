import { existsSync, readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import type { Analysis, AnalysisQuote } from "../analysis.js";
import { analyze } from "../analyze.js";
import { escapeHtml, renderHtml } from "./html.js";
import { sampleAnalysis, spanOf } from "./sample.case.js";

/** The little of the DOM these tests use (the project compiles without the DOM lib). */
interface El {
  readonly textContent: string | null;
  readonly classList: Iterable<string>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
  closest(selector: string): El | null;
}
interface Document extends El {
  readonly title: string;
  readonly documentElement: El;
  getElementById(id: string): El | null;
}

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

const all = (root: El, selector: string): El[] => [...root.querySelectorAll(selector)];

/** The highlighted message of a quote as the page shows it: its pieces per part, joined like `text`. */
function highlighted(doc: Document, q: AnalysisQuote): string {
  return q.spans
    .map((_, part) =>
      all(doc, `.msg[data-quote="${q.id}"][data-part="${part}"]`)
        .map((e) => e.textContent)
        .join(""),
    )
    .join(" … ");
}

const quotesOf = (el: El): string[] => (el.getAttribute("data-quote") ?? "").split(" ");

describe("renderHtml", () => {
  const analysis = sampleAnalysis();
  const html = renderHtml(analysis);
  const doc = parse(html);

  it("is one self-contained German HTML5 page", () => {
    expect(html.startsWith("<!DOCTYPE html>\n")).toBe(true);
    expect(doc.documentElement.getAttribute("lang")).toBe("de");
    expect(doc.querySelector("meta[charset]")?.getAttribute("charset")).toBe("utf-8");
    expect(doc.title).toBe("Winterthur streitet über die neue Tramlinie");
    expect(all(doc, "script, link, img, iframe")).toHaveLength(0);
    expect(html).not.toMatch(/(?:src|href)="(?!#)/);
    expect(all(doc, "style")).toHaveLength(1);
  });

  it("renders title, lead, headings and paragraphs as such, with all the text and nothing more", () => {
    expect(doc.querySelector("article h1")?.textContent).toBe(analysis.title?.text);
    expect(all(doc, "article h2").map((e) => e.textContent)).toEqual(["Kritik vom Gewerbe"]);
    expect(doc.querySelector("article p.lead")?.textContent).toMatch(/^Die geplante Tramlinie/);
    const blocks = all(doc, "article > *").map((e) => e.textContent);
    expect(blocks).toEqual(analysis.paragraphs.map((p) => analysis.text.slice(p.start, p.end)));
  });

  it("highlights exactly each quote's message", () => {
    for (const q of analysis.quotes) expect(highlighted(doc, q), q.id).toBe(q.text);
    const first = doc.getElementById("q1");
    expect(first?.getAttribute("data-part")).toBe("0");
  });

  it("keeps a nested quote, its cue and speaker inside the outer message", () => {
    const outer = all(doc, '.msg[data-quote="q7"]');
    expect(outer).toHaveLength(1);
    const inner = outer[0]?.querySelector('.msg[data-quote="q6"]');
    expect(inner?.textContent).toBe("dass der Zeitplan «sportlich» sei");
    expect(outer[0]?.querySelector('.spk[data-quote="q6"]')?.textContent).toBe("Bianchi");
    expect(outer[0]?.querySelector('.cue[data-quote="q6"]')?.textContent).toBe("eingeräumt");
    expect(inner?.querySelector(".quoted.partial")?.textContent).toBe("«sportlich»");
  });

  it("marks cues and speaker mentions once, even when several quotes share them", () => {
    const brunner = all(doc, ".spk").filter((e) => e.textContent === "Regula Brunner");
    expect(brunner).toHaveLength(1);
    expect(quotesOf(brunner[0] as El)).toEqual(["q1", "q2"]);
    for (const q of analysis.quotes) {
      const cue = all(doc, ".cue").filter((e) => quotesOf(e).includes(q.id));
      expect(cue.map((e) => e.textContent).join(" … "), q.id).toBe(q.cue?.text ?? "");
      const speaker = all(doc, ".spk").filter((e) => quotesOf(e).includes(q.id));
      expect(speaker.map((e) => e.textContent).join(""), q.id).toBe(q.speaker?.text ?? "");
    }
    expect(doc.querySelector('.spk[data-quote="q4"]')?.getAttribute("title")).toBe(
      "speaker of q4: Marco Bianchi",
    );
  });

  it("gives every speaker one colour, distinct from the others, and unattributed quotes grey", () => {
    const colourOf = (id: string): string =>
      [...(doc.querySelector(`.msg[data-quote="${id}"]`)?.classList ?? [])].find((c) => /^c[u\d]/.test(c)) ??
      "";
    const bySpeaker = new Map<string, Set<string>>();
    for (const q of analysis.quotes) {
      const key = q.speaker?.entity ?? "none";
      bySpeaker.set(key, (bySpeaker.get(key) ?? new Set()).add(colourOf(q.id)));
    }
    for (const colours of bySpeaker.values()) expect(colours.size).toBe(1);
    const distinct = new Set([...bySpeaker.values()].map((s) => [...s][0]));
    expect(distinct.size).toBe(bySpeaker.size);
    expect(bySpeaker.get("none")).toEqual(new Set(["cu"]));
  });

  it("styles partial quotes, names and scare quotes apart from speech", () => {
    const name = doc.querySelector(".quoted.name");
    expect(name?.textContent).toBe("«Der Landbote»");
    expect(name?.closest(".msg")).toBeNull();
    expect(doc.querySelector(".quoted.scare")?.textContent).toBe("«Zwängerei»");
    const partial = doc.querySelector('.quoted.partial[data-quoted="m4"]');
    expect(partial?.closest(".msg")?.getAttribute("data-quote")).toBe("q4");
    expect(partial?.getAttribute("title")).toBe("partial quote (in q4)");
    expect(all(doc, "article .quoted")).toHaveLength(
      analysis.quoted.filter((m) => m.role !== "speech").length,
    );
  });

  it("puts type, speaker, cue and confidence in each quote's tooltip", () => {
    expect(doc.querySelector('.msg[data-quote="q4"]')?.getAttribute("title")).toBe(
      "indirect quote · speaker: Marco Bianchi, Verkehrsdirektor (“er”) · cue: sagte · confidence 0.80 · q4",
    );
    expect(doc.querySelector('.msg[data-quote="q9"]')?.getAttribute("title")).toBe(
      "direct quote · speaker unknown · confidence 0.40 · q9",
    );
  });

  it("has a legend with each speaker's number of quotes", () => {
    const rows = all(doc, ".legend li").map((li) => ({
      name: li.querySelector("a")?.textContent ?? li.textContent?.replace(/\s*\d+$/, ""),
      count: Number(li.querySelector(".count")?.textContent),
    }));
    const expected = new Map<string, number>();
    for (const q of analysis.quotes) {
      const name = q.speaker?.name ?? "unattributed";
      expected.set(name, (expected.get(name) ?? 0) + 1);
    }
    expect(new Map(rows.map((r) => [r.name, r.count]))).toEqual(expected);
    expect(doc.querySelector('.legend a[href="#q3"]')?.textContent).toBe("Marco Bianchi");
  });
});

describe("renderHtml with hostile and awkward input", () => {
  /** A one-paragraph analysis with hand-placed quotes over `text`. */
  function single(text: string, quotes: Partial<AnalysisQuote>[], extra: Partial<Analysis> = {}): Analysis {
    return {
      schemaVersion: "1.1.0",
      source: { name: "<b>böse</b>.txt", format: "text", encoding: "utf-8" },
      text,
      title: null,
      paragraphs: [{ start: 0, end: text.length, kind: "body" }],
      sentences: [],
      tokens: [],
      quoted: [],
      entities: [],
      quotes: quotes.map((q, i) => ({
        id: `q${i + 1}`,
        type: "direct",
        medium: "speech",
        text: (q.spans ?? []).map((s) => text.slice(s.start, s.end)).join(" … "),
        spans: [],
        quoted: [],
        cue: null,
        speaker: null,
        addressee: null,
        frame: null,
        confidence: 0.5,
        attribution: "cue",
        ...q,
      })),
      ...extra,
    };
  }

  it("escapes markup in the text, the tooltips and the source name", () => {
    const text = "Er schrieb «<script>alert('x')</script> & Co.» an \"alle\".";
    const message = spanOf(text, "«<script>alert('x')</script> & Co.»");
    const analysis = single(text, [
      { spans: [message], speaker: { ...spanOf(text, "Er"), text: "Er", name: 'A <i>"B"</i> & C' } },
    ]);
    const html = renderHtml(analysis);
    const doc = parse(html);
    expect(all(doc, "script, i, b")).toHaveLength(0);
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co.");
    expect(doc.querySelector("article p")?.textContent).toBe(text);
    expect(doc.querySelector(".msg")?.textContent).toBe("«<script>alert('x')</script> & Co.»");
    expect(doc.querySelector(".msg")?.getAttribute("title")).toContain('speaker: A <i>"B"</i> & C');
    expect(doc.title).toBe("<b>böse</b>.txt");
    expect(escapeHtml("a\u0000b\u0085c")).toBe("a\uFFFDb\uFFFDc");
  });

  it("splits crossing spans into pieces that still add up to the message", () => {
    const text = "Sie sagte, die Lage sei «sehr ernst und» nicht mehr lange tragbar.";
    const quoted = spanOf(text, "«sehr ernst und»");
    const message = spanOf(text, "die Lage sei «sehr ernst");
    const analysis = single(text, [{ type: "indirect", spans: [message] }], {
      quoted: [
        {
          id: "m1",
          ...quoted,
          text: text.slice(quoted.start, quoted.end),
          role: "partial",
          inner: { start: quoted.start + 1, end: quoted.end - 1 },
          quote: "q1",
        },
      ],
    });
    const doc = parse(renderHtml(analysis));
    const q = analysis.quotes[0] as AnalysisQuote;
    expect(highlighted(doc, q)).toBe("die Lage sei «sehr ernst");
    expect(
      all(doc, "article .quoted.partial")
        .map((e) => e.textContent)
        .join(""),
    ).toBe("«sehr ernst und»");
    expect(doc.querySelector("article p")?.textContent).toBe(text);
  });

  it("continues a message across a paragraph break and keeps text outside paragraphs", () => {
    const text = "«Erster Teil\n\nzweiter Teil», sagte sie.\n\nNachsatz ohne Absatz";
    const message = spanOf(text, "«Erster Teil\n\nzweiter Teil»");
    const analysis = single(text, [{ spans: [message] }], {
      paragraphs: [
        { ...spanOf(text, "«Erster Teil"), kind: "body" },
        { ...spanOf(text, "zweiter Teil», sagte sie."), kind: "body" },
      ],
    });
    const doc = parse(renderHtml(analysis));
    const pieces = all(doc, ".msg").map((e) => e.textContent);
    expect(pieces).toEqual(["«Erster Teil", "zweiter Teil»"]);
    expect(all(doc, "article p").map((e) => e.textContent)).toEqual([
      "«Erster Teil",
      "zweiter Teil», sagte sie.",
      "Nachsatz ohne Absatz",
    ]);
  });

  it("renders an analysis without quotes", () => {
    const doc = parse(renderHtml(single("Nur ein Satz.", [])));
    expect(doc.querySelector(".legend .empty")?.textContent).toBe("No quotes found.");
    expect(all(doc, ".msg")).toHaveLength(0);
  });
});

const EXAMPLE = new URL("../../../shared/examples/nordkorea-munition.txt", import.meta.url);
if (!existsSync(EXAMPLE)) console.warn(`skipping the pipeline HTML test: ${EXAMPLE.pathname} is absent`);

describe.skipIf(!existsSync(EXAMPLE))(
  "renderHtml over the pipeline's analysis of the reference article",
  () => {
    it("highlights every quote's message and every cue exactly, losing no text", () => {
      const analysis = analyze(readFileSync(EXAMPLE, "utf8"), { name: "nordkorea-munition.txt" });
      const doc = parse(renderHtml(analysis));
      for (const q of analysis.quotes) {
        expect(highlighted(doc, q), q.id).toBe(q.text);
        const cue = all(doc, "article .cue").filter((e) => quotesOf(e).includes(q.id));
        expect(cue.map((e) => e.textContent).join(" … "), q.id).toBe(q.cue?.text ?? "");
      }
      const blocks = all(doc, "article > *").map((e) => e.textContent);
      expect(blocks).toEqual(analysis.paragraphs.map((p) => analysis.text.slice(p.start, p.end)));
    });
  },
);
