/** How the UI writes dates, numbers and quote types: German conventions, one place. */
const DAY = new Intl.DateTimeFormat("de-DE", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const MONTH = new Intl.DateTimeFormat("de-DE", { month: "long", year: "numeric", timeZone: "UTC" });
const NUMBER = new Intl.NumberFormat("de-DE");

const parse = (iso: string | null | undefined): Date | null => {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

export const formatDay = (iso: string | null | undefined): string => {
  const date = parse(iso);
  return date ? DAY.format(date) : "ohne Datum";
};

export const formatMonth = (iso: string | null | undefined): string => {
  const date = parse(iso);
  return date ? MONTH.format(date) : "ohne Datum";
};

/** "2024-03" for grouping by month */
export const monthKey = (iso: string): string => iso.slice(0, 7);

export const formatNumber = (n: number): string => NUMBER.format(n);

export const formatConfidence = (c: number): string => `${Math.round(c * 100)} %`;

export const QUOTE_TYPE_LABEL: Record<string, string> = {
  direct: "direkt",
  indirect: "indirekt",
  free_indirect: "frei indirekt",
  indirect_free_indirect: "indirekt/frei indirekt",
  reported: "berichtet",
};

/** the three ways the text marks a quote: in quote marks, in reported form, or only summarised */
export type QuoteStyle = "direct" | "indirect" | "reported";

export const quoteStyle = (type: string): QuoteStyle =>
  type === "direct" ? "direct" : type === "reported" ? "reported" : "indirect";

export const plural = (n: number, one: string, many: string): string =>
  `${formatNumber(n)} ${n === 1 ? one : many}`;
