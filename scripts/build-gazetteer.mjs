#!/usr/bin/env node
/**
 * Builds src/lang/de/gazetteer/gazetteer.tsv, the one file the entity linker loads, from the
 * curated tables beside it and the shared open-data sources (SOURCES.md says what comes from where).
 *
 *   npm run build:gazetteer [-- --shared DIR --out FILE]
 *
 * The shared folder defaults to $LAUT_SHARED or <repo>/../shared, which is /work/shared both from
 * the main checkout and from a worktree beside it. Output is deterministic: rows are sorted and no
 * date or path is written, so building twice gives the same bytes and the file diffs cleanly.
 * A curated Wikidata ID that disagrees with the sources stops the build: one of them is wrong, and
 * a wrong ID is worse than none.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
// the key and the columns are the loader's own (run `npm run build` first)
import { GAZETTEER_COLUMNS, linkKey } from "../dist/entities/link/index.js";

const root = new URL("../", import.meta.url);
const curatedDir = new URL("src/lang/de/gazetteer/", root);

const { values } = parseArgs({
  options: {
    shared: { type: "string" },
    out: { type: "string" },
  },
});
const sharedDir = values.shared ?? process.env.LAUT_SHARED ?? fileURLToPath(new URL("../shared", root));
const gazDir = `${sharedDir.replace(/\/$/, "")}/data/gazetteers`;
const outPath = values.out ?? fileURLToPath(new URL("gazetteer.tsv", curatedDir));

function fail(message) {
  process.stderr.write(`build-gazetteer: ${message}\n`);
  process.exit(1);
}

function readShared(rel) {
  const path = `${gazDir}/${rel}`;
  try {
    return readFileSync(path, "utf8");
  } catch {
    fail(`cannot read ${path}; set LAUT_SHARED or --shared to the folder holding data/gazetteers`);
  }
}

function readCurated(name) {
  const lines = readFileSync(new URL(name, curatedDir), "utf8")
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.length > 0 && !l.startsWith("#"));
  const [header, ...rows] = lines;
  const cols = header.split("\t");
  return rows.map((row) => {
    const cells = row.split("\t");
    return Object.fromEntries(cols.map((c, i) => [c, (cells[i] ?? "").trim()]));
  });
}

const list = (cell) =>
  cell
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);

/** msgid -> msgstr of a gettext catalogue (single-line entries, which is all iso-codes uses). */
function readPo(text) {
  const map = new Map();
  let id = null;
  for (const line of text.split("\n")) {
    if (line.startsWith("msgid ")) id = JSON.parse(line.slice(6));
    else if (line.startsWith("msgstr ") && id) {
      const str = JSON.parse(line.slice(7));
      if (str) map.set(id, str);
      id = null;
    }
  }
  return map;
}

/** A minimal CSV reader for csv_states.csv (quoted fields, no embedded newlines). */
function readCsv(text) {
  const rows = [];
  for (const line of text.split("\n")) {
    if (!line) continue;
    const cells = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ",") {
        cells.push(cell);
        cell = "";
      } else cell += ch;
    }
    cells.push(cell);
    rows.push(cells);
  }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((c, i) => [c, cells[i] ?? ""])));
}

const QID = /^Q[1-9][0-9]*$/;

/**
 * Which reading wins when one key has several (lower first): "Bern" is the capital before the
 * canton, "Salzburg" the city before the Land, "Thüringen" the Land before the Vorarlberg village.
 * Minor places and bare surnames come last.
 */
const PRIORITY = { country: 1, capital: 2, io: 2, "gov-body": 2, media: 2, person: 2, city: 3, demonym: 3 };
const priority = (kind, form) => (form === "minor" ? 6 : form === "surname" ? 5 : (PRIORITY[kind] ?? 4));
const rows = [];

function add(alias, entry, form = "name") {
  const key = linkKey(alias);
  if (!key) return;
  if (entry.qid && !QID.test(entry.qid)) fail(`malformed Wikidata ID "${entry.qid}" for ${alias}`);
  rows.push({
    alias,
    key,
    qid: entry.qid ?? "",
    name: entry.name,
    type: entry.type,
    kind: entry.kind,
    standsFor: entry.standsFor ?? "",
    country: entry.country ?? "",
    form,
    prio: String(priority(entry.kind, form)),
    local: entry.local ?? "",
    validFrom: entry.validFrom ?? "",
    validTo: entry.validTo ?? "",
    asOf: entry.asOf ?? "",
  });
}

// --- countries: names from all four sources, IDs from countries-states-cities -------------------
const csc = JSON.parse(readShared("countries-states-cities/json_countries.json"));
const i18n = JSON.parse(readShared("i18n-iso-countries/de.json")).countries;
const world = JSON.parse(readShared("world-countries/countries.json"));
const isoDe = readPo(readShared("debian-iso-codes/iso_3166-1.de.po"));
const iso1 = JSON.parse(readShared("debian-iso-codes/iso_3166-1.json"))["3166-1"];

const worldBy = new Map(world.map((c) => [c.cca2, c]));
const isoBy = new Map(iso1.map((c) => [c.alpha_2, c]));
const curatedCountries = new Map(readCurated("countries.tsv").map((r) => [r.iso2, r]));
const countryQid = new Map();
const countryName = new Map();

for (const c of csc) {
  const iso2 = c.iso2;
  const qid = c.wikiDataId ?? "";
  const curated = curatedCountries.get(iso2);
  if (curated && curated.qid !== qid) {
    fail(`${iso2}: countries.tsv says ${curated.qid}, countries-states-cities says ${qid || "nothing"}`);
  }
  if (!QID.test(qid)) continue;
  const i18nNames = i18n[iso2] === undefined ? [] : [i18n[iso2]].flat();
  const w = worldBy.get(iso2);
  const iso = isoBy.get(iso2);
  const name = w?.translations?.deu?.common ?? i18nNames.at(-1) ?? c.translations?.de ?? c.name;
  countryQid.set(iso2, qid);
  countryName.set(iso2, name);
  const names = new Set([name, ...i18nNames]);
  if (c.translations?.de) names.add(c.translations.de);
  if (w?.translations?.deu?.official) names.add(w.translations.deu.official);
  for (const field of ["name", "official_name", "common_name"]) {
    const german = iso?.[field] && isoDe.get(iso[field]);
    if (german) names.add(german);
  }
  for (const alias of list(curated?.aliases ?? "")) names.add(alias);
  const entry = { qid, name, type: "GPE", kind: "country", country: iso2 };
  for (const alias of names) add(alias, entry);
}
for (const iso2 of curatedCountries.keys()) {
  if (!countryQid.has(iso2)) fail(`countries.tsv row ${iso2} has no country in countries-states-cities`);
}

// --- demonyms and capitals: curated ------------------------------------------------------------
const ENDINGS = ["", "e", "er", "es", "en", "em"];
for (const [iso2, row] of curatedCountries) {
  const country = { qid: row.qid, name: countryName.get(iso2), country: iso2 };
  for (const demonym of list(row.demonyms)) {
    // adjectives in -sch inflect ("russische", "US-amerikanischen"); "Schweizer" never does
    for (const ending of demonym.endsWith("sch") ? ENDINGS : [""]) {
      add(demonym + ending, { ...country, type: "GPE", kind: "demonym" }, ending ? "inflected" : "name");
    }
  }
  const capitals = list(row.capital);
  if (capitals.length > 0 && QID.test(row.capital_qid)) {
    const capital = {
      qid: row.capital_qid,
      name: capitals[0],
      type: "LOC",
      kind: "capital",
      country: iso2,
      standsFor: row.acts === "yes" ? row.qid : "",
    };
    for (const alias of capitals) add(alias, capital);
  }
}

// --- German Länder, Austrian Bundesländer, Swiss cantons -----------------------------------------
const states = readCsv(readShared("countries-states-cities/csv_states.csv"));
const iso2Names = new Map(
  JSON.parse(readShared("debian-iso-codes/iso_3166-2.json"))["3166-2"].map((s) => [s.code, s.name]),
);
const iso2De = readPo(readShared("debian-iso-codes/iso_3166-2.de.po"));
const stateQids = new Set();
const STATE_KIND = { DE: "state", AT: "state", CH: "canton" };
for (const s of states) {
  const kind = STATE_KIND[s.country_code];
  if (!kind || !QID.test(s.wikiDataId)) continue;
  const local = iso2Names.get(s.iso3166_2);
  const name = (local && iso2De.get(local)) ?? local ?? s.name;
  stateQids.add(s.wikiDataId);
  const entry = { qid: s.wikiDataId, name, type: "GPE", kind, country: s.country_code };
  for (const alias of new Set([name, local, s.name].filter(Boolean))) add(alias, entry);
  add(kind === "canton" ? `Kanton ${name}` : `Bundesland ${name}`, entry);
}

// --- cities: curated major cities, then Austrian and Swiss municipalities from the shared file ----
const curatedCities = readCurated("cities.tsv");
const curatedCityKeys = new Set();
for (const c of curatedCities) {
  const entry = { qid: c.qid, name: c.name, type: "LOC", kind: "city", country: c.country };
  for (const alias of [c.name, ...list(c.aliases)]) {
    curatedCityKeys.add(linkKey(alias));
    add(alias, entry);
  }
}
const capitalKeys = new Set(rows.filter((r) => r.kind === "capital").map((r) => r.key));
// Only towns and municipalities: the file's district, section and adm1/adm2 rows carry IDs of
// districts or of a second item for the same big city, which we cannot tell apart from here.
const TOWN_TYPES = new Set(["city", "adm3"]);
for (const file of ["contributions_cities_AT.json", "contributions_cities_CH.json"]) {
  for (const c of JSON.parse(readShared(`countries-states-cities/${file}`))) {
    if (!TOWN_TYPES.has(c.type) || !QID.test(c.wikiDataId ?? "") || stateQids.has(c.wikiDataId)) continue;
    // the file's "native" and German "translations" of small places are partly machine-translated
    // word for word ("Bad Hall" -> "Schlechte Halle", "Anger" -> "Wut"), so only the name is used
    const names = [c.name];
    if (names.some((n) => curatedCityKeys.has(linkKey(n)) || capitalKeys.has(linkKey(n)))) continue;
    const entry = { qid: c.wikiDataId, name: c.name, type: "LOC", kind: "city", country: c.country_code };
    for (const alias of new Set(names)) add(alias, entry, "minor");
  }
}

// --- organisations, government bodies, media: curated --------------------------------------------
for (const o of readCurated("organisations.tsv")) {
  const entry = {
    qid: o.qid,
    name: o.name,
    type: o.type,
    kind: o.kind,
    standsFor: o.stands_for,
    country: o.country,
    local: o.local,
  };
  for (const alias of [o.name, ...list(o.aliases)]) add(alias, entry);
}

// --- persons: curated ------------------------------------------------------------------------------
for (const p of readCurated("persons.tsv")) {
  if (!QID.test(p.qid)) fail(`persons.tsv: ${p.name} needs a Wikidata ID`);
  const entry = {
    qid: p.qid,
    name: p.name,
    type: "PER",
    kind: "person",
    country: p.country,
    validFrom: p.valid_from,
    validTo: p.valid_to,
    asOf: p.as_of,
  };
  for (const alias of [p.name, ...list(p.aliases)]) add(alias, entry);
  if (p.surname && linkKey(p.surname) !== linkKey(p.name)) add(p.surname, entry, "surname");
}

// --- write -------------------------------------------------------------------------------------------
const seen = new Set();
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
rows.sort(
  (a, b) =>
    cmp(a.key, b.key) ||
    cmp(a.prio, b.prio) ||
    cmp(a.kind, b.kind) ||
    cmp(a.qid, b.qid) ||
    cmp(a.name, b.name) ||
    cmp(a.alias, b.alias),
);
const lines = [];
for (const r of rows) {
  // one row per key and reading; the first spelling (in code-point order) names it
  const id = `${r.key}\t${r.kind}\t${r.qid}\t${r.name}\t${r.form}`;
  if (seen.has(id)) continue;
  seen.add(id);
  const cells = [
    r.alias,
    r.key,
    r.qid,
    r.name,
    r.type,
    r.kind,
    r.standsFor,
    r.country,
    r.form,
    r.prio,
    r.local,
    r.validFrom,
    r.validTo,
    r.asOf,
  ];
  if (cells.some((c) => c.includes("\t") || c.includes("\n"))) fail(`tab or newline in ${r.alias}`);
  lines.push(cells.join("\t"));
}
const header = [
  "# GENERATED by scripts/build-gazetteer.mjs from the curated tables in this folder and the shared",
  "# open-data gazetteers (countries-states-cities ODbL, debian iso-codes LGPL-2.1+, i18n-iso-countries",
  "# MIT, mledoze/countries ODbL). Do not edit: edit the curated tables and run npm run build:gazetteer.",
  "# Licences and attribution: SOURCES.md. One row per normalised key and reading.",
  GAZETTEER_COLUMNS.join("\t"),
];
writeFileSync(outPath, `${[...header, ...lines].join("\n")}\n`);
process.stderr.write(`build-gazetteer: ${lines.length} rows -> ${outPath}\n`);
