/**
 * The recorded dev numbers (eval/record.json) behind the CI regression guard: CI fails when
 * joint F1 falls more than one point below the record; improving the number means updating it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { LautError } from "../errors.js";

export interface RecordEntry {
  /** F1 values in 0..1 */
  joint: number;
  message: number;
  roles: number;
  docs: number;
  measuredAt: string;
  commit: string | null;
}

export type RecordFile = Record<string, RecordEntry>;

/** Exit code of a failed guard (not an error: laut worked, the numbers got worse). */
export const GUARD_EXIT = 7;
export const GUARD_TOLERANCE_POINTS = 1.0;

export function readRecord(path: string, { mustExist }: { mustExist: boolean }): RecordFile {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (error) {
    if (!mustExist) return {};
    throw new LautError("E_INPUT_NOT_FOUND", `record file ${path} cannot be read`, { cause: error });
  }
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    return parsed as RecordFile;
  } catch (error) {
    throw new LautError("E_GOLD_FORMAT", `record file ${path} is not a JSON object`, { cause: error });
  }
}

export function writeRecord(path: string, record: RecordFile): void {
  try {
    writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
  } catch (error) {
    throw new LautError("E_OUTPUT", `record file ${path} cannot be written`, { cause: error });
  }
}

export interface GuardVerdict {
  ok: boolean;
  /** measured minus recorded, in F1 points (0..100 scale) */
  deltaPoints: number;
  message: string;
}

export function guard(recorded: RecordEntry, measuredJoint: number, key: string): GuardVerdict {
  const deltaPoints = (measuredJoint - recorded.joint) * 100;
  // a hair of slack so a value that rounds to exactly one point below still passes
  const ok = deltaPoints >= -GUARD_TOLERANCE_POINTS - 1e-9;
  const numbers = `joint F1 ${(measuredJoint * 100).toFixed(1)} vs recorded ${(recorded.joint * 100).toFixed(1)} (${key})`;
  return {
    ok,
    deltaPoints,
    message: ok
      ? `regression guard passed: ${numbers}`
      : `regression guard FAILED: ${numbers}, ${(-deltaPoints).toFixed(1)} points below, more than ${GUARD_TOLERANCE_POINTS.toFixed(1)} allowed`,
  };
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

export function recordEntry(
  scores: { joint: { f1: number }; message: { f1: number }; roles: { f1: number }; docs: number },
  now: Date,
): RecordEntry {
  return {
    joint: round4(scores.joint.f1),
    message: round4(scores.message.f1),
    roles: round4(scores.roles.f1),
    docs: scores.docs,
    measuredAt: now.toISOString(),
    commit: null,
  };
}
