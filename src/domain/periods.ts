/**
 * Periods as the letters publish them ("2021", "2017Q2", "2017W40", "2015Q3-2016Q3", "2017-03",
 * "2017-01..2017-05", "2014-12-31") turned into the first and last day they cover. Parameters that
 * are not tied to a time ("all", "per_year") have no dates.
 */
export interface PeriodRange {
  /** ISO dates, inclusive */
  start: string;
  end: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const lastDayOfMonth = (y: number, m: number) => day(y, m + 1, 0);

type Bound = { start: Date; end: Date };

function parseSingle(text: string): Bound | null {
  let m = /^(\d{4})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    return { start: day(y, 1, 1), end: day(y, 12, 31) };
  }
  m = /^(\d{4})Q([1-4])$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { start: day(y, 3 * q - 2, 1), end: lastDayOfMonth(y, 3 * q) };
  }
  m = /^(\d{4})W(\d{2})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const w = Number(m[2]);
    if (w < 1 || w > isoWeeksInYear(y)) return null;
    const start = isoWeekMonday(y, w);
    return { start, end: new Date(start.getTime() + 6 * 86_400_000) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return { start: day(y, mo, 1), end: lastDayOfMonth(y, mo) };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const d = day(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso(d) !== text) return null;
    return { start: d, end: d };
  }
  return null;
}

/** Monday of ISO week 1 is the Monday on or before 4 January. */
function isoWeekMonday(year: number, week: number): Date {
  const jan4 = day(year, 1, 4);
  const mondayWeek1 = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  return new Date(mondayWeek1.getTime() + (week - 1) * 7 * 86_400_000);
}

function isoWeeksInYear(year: number): number {
  const dec28 = day(year, 12, 28);
  const monday = isoWeekMonday(year, 1);
  return Math.floor((dec28.getTime() - monday.getTime()) / (7 * 86_400_000)) + 1;
}

export function parsePeriod(period: string): PeriodRange | null {
  const parts = period.includes("..") ? period.split("..") : splitRange(period);
  const bounds = parts.map(parseSingle);
  if (bounds.some((b) => b === null)) return null;
  const first = bounds[0]!;
  const last = bounds[bounds.length - 1]!;
  if (first.start > last.end) return null;
  return { start: iso(first.start), end: iso(last.end) };
}

/** "2015-2017" and "2015Q3-2016Q3" are ranges; "2017-03" and "2014-12-31" are not. */
function splitRange(period: string): string[] {
  const m = /^(\d{4}(?:Q[1-4]|W\d{2})?)-(\d{4}(?:Q[1-4]|W\d{2})?)$/.exec(period);
  return m ? [m[1]!, m[2]!] : [period];
}
