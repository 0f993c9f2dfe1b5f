import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Analysis } from "../analysis.js";
import { analyze } from "../analyze.js";
import { LautError } from "../errors.js";
import { analysisJsonChunks, writeAnalysisJson } from "./json.js";
import { SAMPLE_TEXT, sampleAnalysis } from "./sample.case.js";

/** A large article: many paragraphs, emoji (surrogate pairs) and characters JSON must escape. */
function largeAnalysis(): Analysis {
  const paragraph =
    'Der Sprecher sagte: «Wir prüfen alles.» 😀 Zitat mit "Anführungszeichen", Tab\tund \\ Backslash.\n';
  const base = sampleAnalysis();
  const text = base.text + "\n".concat(paragraph.repeat(12_000));
  const tokens = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+|\S/gu))
    tokens.push({ start: m.index, end: m.index + m[0].length });
  return { ...base, text, tokens };
}

async function collect(analysis: Analysis, pretty: boolean, highWaterMark = 16_384): Promise<string> {
  const parts: string[] = [];
  const sink = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk.toString("utf8"));
      setImmediate(done); // a slow reader, so backpressure really happens
    },
  });
  await writeAnalysisJson(analysis, sink, { pretty });
  return parts.join("");
}

describe("analysisJsonChunks", () => {
  it("equals JSON.stringify for a hand-built analysis, compact and pretty", () => {
    const analysis = sampleAnalysis();
    expect([...analysisJsonChunks(analysis)].join("")).toBe(JSON.stringify(analysis));
    expect([...analysisJsonChunks(analysis, { pretty: true })].join("")).toBe(
      JSON.stringify(analysis, null, 2),
    );
  });

  it("equals JSON.stringify for what the pipeline produces", () => {
    const analysis = analyze(SAMPLE_TEXT, { name: "tram.txt", format: "text", encoding: "utf-8" });
    expect([...analysisJsonChunks(analysis)].join("")).toBe(JSON.stringify(analysis));
    expect(JSON.parse([...analysisJsonChunks(analysis, { pretty: true })].join(""))).toEqual(analysis);
  });

  it("writes a large analysis in bounded chunks, never splitting a surrogate pair", () => {
    const analysis = largeAnalysis();
    const chunks = [...analysisJsonChunks(analysis)];
    const json = chunks.join("");
    expect(analysis.tokens.length).toBeGreaterThan(200_000);
    expect(json).toBe(JSON.stringify(analysis));
    expect(json).not.toMatch(/\\ud[89a-f]/i); // a split pair would have been escaped
    expect(chunks.length).toBeGreaterThan(50);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(140_000);
  });

  it("cuts a long text between surrogate pairs, not inside one", () => {
    // one leading "a" puts every emoji's high surrogate at an odd offset, so the 64 K cut lands inside a pair
    const analysis = { ...sampleAnalysis(), text: `a${"😀".repeat(70_000)}` };
    const json = [...analysisJsonChunks(analysis)].join("");
    expect(json).toBe(JSON.stringify(analysis));
    expect(json).not.toMatch(/\\ud[89a-f]/i);
  });

  it("keeps pretty output identical for large arrays and strings", () => {
    const analysis = largeAnalysis();
    expect([...analysisJsonChunks(analysis, { pretty: true })].join("")).toBe(
      JSON.stringify(analysis, null, 2),
    );
  });

  it("drops undefined members and nulls undefined array items as JSON.stringify does", () => {
    const analysis = { ...sampleAnalysis(), extra: undefined, tokens: [{ start: 0, end: 1 }, undefined] };
    const odd = analysis as unknown as Analysis;
    expect([...analysisJsonChunks(odd)].join("")).toBe(JSON.stringify(odd));
    expect([...analysisJsonChunks(odd, { pretty: true })].join("")).toBe(JSON.stringify(odd, null, 2));
  });
});

describe("writeAnalysisJson", () => {
  it("respects backpressure of a slow stream and writes the same bytes", async () => {
    const analysis = largeAnalysis();
    expect(await collect(analysis, false, 1024)).toBe(JSON.stringify(analysis));
    expect(await collect(sampleAnalysis(), true)).toBe(JSON.stringify(sampleAnalysis(), null, 2));
  });

  it("rejects with E_OUTPUT when the stream fails", async () => {
    const broken = new Writable({
      write(_chunk, _encoding, done) {
        done(new Error("disk full"));
      },
    });
    broken.on("error", () => {});
    const error = await writeAnalysisJson(largeAnalysis(), broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LautError);
    expect((error as LautError).code).toBe("E_OUTPUT");
    expect((error as LautError).message).toContain("disk full");
  });
});
