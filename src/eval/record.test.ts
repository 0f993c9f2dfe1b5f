import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LautError } from "../errors.js";
import { guard, type RecordEntry, readRecord, recordEntry, writeRecord } from "./record.js";

const entry = (joint: number): RecordEntry => ({
  joint,
  message: 0.5,
  roles: 0.3,
  docs: 150,
  measuredAt: "2025-01-01T00:00:00.000Z",
  commit: null,
});

describe("regression guard", () => {
  it("passes at exactly one point below the record and fails beyond it", () => {
    expect(guard(entry(0.391), 0.381, "wikinews-dev").ok).toBe(true);
    const failed = guard(entry(0.391), 0.3805, "wikinews-dev");
    expect(failed.ok).toBe(false);
    expect(failed.deltaPoints).toBeCloseTo(-1.05, 9);
    expect(failed.message).toContain("FAILED");
    expect(failed.message).toContain("wikinews-dev");
  });

  it("passes when the number improved", () => {
    expect(guard(entry(0.391), 0.45, "wikinews-dev")).toMatchObject({ ok: true });
  });
});

describe("record file", () => {
  const dir = mkdtempSync(join(tmpdir(), "laut-record-"));

  it("round-trips entries rounded to four decimals and keeps other keys", () => {
    const path = join(dir, "record.json");
    const scores = { joint: { f1: 0.123456 }, message: { f1: 0.5 }, roles: { f1: 0.06789 }, docs: 150 };
    writeRecord(path, { other: entry(0.2), "wikinews-dev": recordEntry(scores, new Date(0)) });
    const back = readRecord(path, { mustExist: true });
    expect(back["wikinews-dev"]).toEqual({
      joint: 0.1235,
      message: 0.5,
      roles: 0.0679,
      docs: 150,
      measuredAt: "1970-01-01T00:00:00.000Z",
      commit: null,
    });
    expect(back.other).toEqual(entry(0.2));
    expect(readFileSync(path, "utf8").endsWith("}\n")).toBe(true);
  });

  it("treats a missing record as empty only when asked to", () => {
    expect(readRecord(join(dir, "none.json"), { mustExist: false })).toEqual({});
    expect(() => readRecord(join(dir, "none.json"), { mustExist: true })).toThrow(LautError);
  });

  it("rejects a record that is not a JSON object", () => {
    const path = join(dir, "list.json");
    writeFileSync(path, "[1, 2]");
    expect(() => readRecord(path, { mustExist: true })).toThrow(/not a JSON object/);
  });
});
