// How numbers are shown, per language. The API's exact decimal strings stay as they are for the CSV
// and for data-value attributes; only the text on screen is rounded.
import { lang } from "./i18n.ts";

export type NumberKind = "count" | "euro" | "percent" | "decimal1";

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(kind: NumberKind): Intl.NumberFormat {
  const key = `${lang()}:${kind}`;
  let format = formats.get(key);
  if (!format) {
    const locale = lang() === "nl" ? "nl-NL" : "en-GB";
    const options: Intl.NumberFormatOptions =
      kind === "euro"
        ? { style: "currency", currency: "EUR", maximumFractionDigits: 0 }
        : kind === "percent"
          ? { minimumFractionDigits: 1, maximumFractionDigits: 1 }
          : kind === "decimal1"
            ? { minimumFractionDigits: 1, maximumFractionDigits: 1 }
            : { maximumFractionDigits: 0 };
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

export function formatNumber(value: string | number | null, kind: NumberKind): string {
  if (value === null || value === "") return "–";
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  const text = numberFormat(kind).format(n);
  return kind === "percent" ? `${text} %` : text;
}

export const toNumber = (value: string | null): number | null =>
  value === null || value === "" || !Number.isFinite(Number(value)) ? null : Number(value);

/** 1 January 2024 / 1 januari 2024 */
export function formatDate(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return new Intl.DateTimeFormat(lang() === "nl" ? "nl-NL" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));
}
