import { describe, expect, it } from "vitest";
import { ftsQuery } from "./query.js";

describe("ftsQuery", () => {
  it("stems each word and ANDs them; long stems also match as the start of a compound", () => {
    expect(ftsQuery("Lieferungen Ukraine")).toBe('("lieferung"* AND "ukrai"*)');
    expect(ftsQuery("Rat")).toBe('("rat")');
  });

  it("keeps quoted words as an exact phrase of stems", () => {
    expect(ftsQuery('"neue Wohnungen" Berlin')).toBe('("neu wohnung" AND "berli"*)');
    expect(ftsQuery('"offene Anführung')).toBe('("off anfuhrung")');
  });

  it("a hyphenated word is a phrase of its parts", () => {
    expect(ftsQuery("Corona-Pandemie")).toBe('("corona pandemie")');
  });

  it("excludes words with a leading minus", () => {
    expect(ftsQuery("Pistorius -Munster")).toBe('("pistoriu"*) NOT "mun"');
  });

  it("has no query for nothing but punctuation or exclusions", () => {
    expect(ftsQuery(" „“ ... ")).toBeNull();
    expect(ftsQuery("-Berlin")).toBeNull();
    expect(ftsQuery("")).toBeNull();
  });

  it("cannot be broken by FTS5 syntax in the input", () => {
    expect(ftsQuery('NEAR(a b) OR "x* ^y')).toBe('("near a" AND "b" AND "or" AND "x y")');
  });
});
