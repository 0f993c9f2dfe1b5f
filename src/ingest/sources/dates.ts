/**
 * Publication dates as sources write them (ISO 8601 with or without offset, RFC 822 in RSS,
 * "13.11.2020" on German pages) to ISO 8601. A date with its own offset keeps it: the local
 * time of publication is information the UTC instant alone does not carry.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/i;
const GERMAN_DATE = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?:\s*Uhr)?)?$/;
/** RFC 822 as RSS writes it; the named zones other than UT/GMT are left to Date. */
const RFC_822 =
  /^(?:[a-z]{3},?\s*)?(\d{1,2})\s+([a-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|gmt|ut|utc|z)?$/i;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** Dates before this are typos or placeholders ("0001-01-01"), not publication dates. */
const EARLIEST_YEAR = 1800;
const LONGEST_DATE = 80;

function plausible(year: number, month: number, day: number): boolean {
  return year >= EARLIEST_YEAR && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** The date as ISO 8601, or null when `value` is no date this module can read. */
export function toIsoDate(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) {
    // Unix time in seconds or milliseconds, as JSON exports write it
    const date = new Date(value < 1e11 ? value * 1000 : value);
    return date.getUTCFullYear() >= EARLIEST_YEAR ? date.toISOString() : null;
  }
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (text === "" || text.length > LONGEST_DATE) return null;
  if (ISO_DATE.test(text)) {
    const [year, month, day] = text.split("-").map(Number) as [number, number, number];
    return plausible(year, month, day) ? text : null;
  }
  const iso = ISO_DATE_TIME.exec(text);
  if (iso) {
    const [, day, time, zone] = iso as unknown as [string, string, string, string | undefined];
    const [year, month, dayOfMonth] = day.split("-").map(Number) as [number, number, number];
    if (!plausible(year, month, dayOfMonth)) return null;
    const seconds = time.length === 5 ? `${time}:00` : time;
    if (!zone) return `${day}T${seconds}`;
    const offset =
      zone.toUpperCase() === "Z" ? "Z" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return `${day}T${seconds}${offset}`;
  }
  const german = GERMAN_DATE.exec(text);
  if (german) {
    const [, d, m, y, hours, minutes] = german;
    const year = Number(y);
    const month = Number(m);
    const day = Number(d);
    if (!plausible(year, month, day)) return null;
    const date = `${year}-${pad(month)}-${pad(day)}`;
    return hours && minutes ? `${date}T${pad(Number(hours))}:${minutes}:00` : date;
  }
  const rfc = RFC_822.exec(text);
  if (rfc) {
    const [, d, monthName, y, hours, minutes, seconds, zone] = rfc;
    const month = MONTHS.indexOf((monthName ?? "").toLowerCase()) + 1;
    const year = Number(y);
    const day = Number(d);
    if (month > 0 && plausible(year, month, day)) {
      // "-0000" says the local offset is unknown (RFC 2822): the instant is UTC
      const offset = zone?.length !== 5 || zone === "-0000" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(3)}`;
      return `${year}-${pad(month)}-${pad(day)}T${hours}:${minutes}:${seconds ?? "00"}${offset}`;
    }
  }
  // the other forms Date reads
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) return null;
  const date = new Date(parsed);
  return date.getUTCFullYear() >= EARLIEST_YEAR ? date.toISOString() : null;
}
