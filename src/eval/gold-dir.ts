/** Reading a gold split folder: one JSON file per document, sorted by name, bad data as E_GOLD_FORMAT. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { LautError } from "../errors.js";

/** Parse every `.json` file of `dir` (sorted by file name; `limit` keeps the first N) with `parse`. */
export function readGoldDir<T>(
  dir: string,
  limit: number | undefined,
  parse: (name: string, json: unknown) => T,
): T[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error("not a directory");
    names = readdirSync(dir)
      .filter((n) => n.endsWith(".json"))
      .sort();
  } catch (error) {
    throw new LautError("E_GOLD_FORMAT", `gold folder ${dir} cannot be read`, { cause: error });
  }
  if (names.length === 0) throw new LautError("E_GOLD_FORMAT", `gold folder ${dir} holds no .json files`);
  if (limit !== undefined) names = names.slice(0, limit);
  return names.map((n) => {
    const path = join(dir, n);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
      throw new LautError("E_GOLD_FORMAT", `gold file ${path} is not readable JSON`, { cause: error });
    }
    return parse(basename(n, ".json"), json);
  });
}
