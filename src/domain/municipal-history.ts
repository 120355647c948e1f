// Municipalities over time: when each CBS code came into being and when it was dissolved, worked out
// from the list of municipal changes (herindelingen) and the complete municipality sets of the years
// for which a full classification is published. Pure functions over plain rows.

/** One row of the change list: a dissolved code and one of its successors, from a date on. */
export interface MunicipalChange {
  /** ISO date the change took effect (usually 1 January; Weesp 2022-03-24) */
  effectiveDate: string;
  dissolvedCode: string;
  successorCode: string;
}

/** When a code existed: from `createdOn` (null: before the data begins) until `dissolvedOn` (null: today). */
export interface Lifetime {
  code: string;
  createdOn: string | null;
  dissolvedOn: string | null;
}

/** The first and last years the data covers (the CBS tables 2010–2026). */
export const FIRST_YEAR = 2010;
export const LAST_YEAR = 2026;

const january = (year: number) => `${year}-01-01`;
const codeNumber = (code: string) => Number(code.slice(2));

/**
 * Whether a code existed on 1 January of a year: created on or before that day and not yet
 * dissolved. A municipality dissolved during a year (Weesp, 24 March 2022) still counts for it.
 */
export function existsOn1January(lifetime: Lifetime, year: number): boolean {
  const day = january(year);
  return (lifetime.createdOn === null || lifetime.createdOn <= day) && (lifetime.dissolvedOn ?? "9999") > day;
}

/** The first year the code existed on 1 January, within the data (FIRST_YEAR at the earliest). */
export function firstYearOf(lifetime: Lifetime): number {
  if (lifetime.createdOn === null) return FIRST_YEAR;
  const year = Number(lifetime.createdOn.slice(0, 4));
  return lifetime.createdOn === january(year) ? year : year + 1;
}

/** The last year the code existed on 1 January (LAST_YEAR when it still exists). */
export function lastYearOf(lifetime: Lifetime): number {
  if (lifetime.dissolvedOn === null) return LAST_YEAR;
  const year = Number(lifetime.dissolvedOn.slice(0, 4));
  return lifetime.dissolvedOn === january(year) ? year - 1 : year;
}

/**
 * Works out when each code was created and dissolved.
 *
 * Dissolution is what the change list says. Creation is not in the list: a successor is either a new
 * code or an existing municipality that absorbed others. The rule: a successor is new when it is
 * not in the latest complete municipality set published before the change (`completeSets`, e.g. the
 * 2015 and 2016 classifications); for changes before the first such set, when its code is higher
 * than every code dissolved that day (CBS numbers new municipalities above the ones they replace; an
 * existing municipality that absorbs others, such as Venlo in 2010, keeps its older, lower code).
 * The result is checked against the published sets and the yearly counts (test/domain).
 */
export function deriveLifetimes(
  codes: readonly string[],
  changes: readonly MunicipalChange[],
  completeSets: ReadonlyMap<number, ReadonlySet<string>>,
): Map<string, Lifetime> {
  const lifetimes = new Map<string, Lifetime>(
    [...new Set([...codes, ...changes.flatMap((c) => [c.dissolvedCode, c.successorCode])])].map((code) => [
      code,
      { code, createdOn: null, dissolvedOn: null },
    ]),
  );
  const byDate = new Map<string, MunicipalChange[]>();
  for (const change of changes) byDate.set(change.effectiveDate, [...(byDate.get(change.effectiveDate) ?? []), change]);
  const setYears = [...completeSets.keys()].sort((a, b) => a - b);

  for (const [date, rows] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    const dissolved = new Set(rows.map((r) => r.dissolvedCode));
    for (const code of dissolved) {
      const lifetime = lifetimes.get(code)!;
      if (lifetime.dissolvedOn !== null && lifetime.dissolvedOn !== date) {
        throw new Error(`${code} is dissolved twice: on ${lifetime.dissolvedOn} and on ${date}`);
      }
      lifetime.dissolvedOn = date;
    }
    const before = setYears.filter((year) => january(year) < date).at(-1);
    for (const successor of new Set(rows.map((r) => r.successorCode))) {
      const lifetime = lifetimes.get(successor)!;
      if (lifetime.createdOn !== null) continue;
      const isNew =
        before !== undefined
          ? !completeSets.get(before)!.has(successor)
          : [...dissolved].every((code) => codeNumber(successor) > codeNumber(code));
      if (isNew) lifetime.createdOn = date;
    }
  }
  return lifetimes;
}

/** The codes that existed on 1 January of a year, sorted. */
export function codesIn(lifetimes: Iterable<Lifetime>, year: number): string[] {
  return [...lifetimes]
    .filter((l) => existsOn1January(l, year))
    .map((l) => l.code)
    .sort();
}

export type ChangeKind = "MERGER" | "SPLIT" | "RENAME";

/**
 * What a change was for the dissolved code: a SPLIT when it went to several successors, a RENAME
 * when its only successor is a code created that day from it alone, else a MERGER.
 */
export function changeKind(
  change: MunicipalChange,
  changes: readonly MunicipalChange[],
  created: string | null,
): ChangeKind {
  const successors = changes.filter((c) => c.dissolvedCode === change.dissolvedCode);
  if (successors.length > 1) return "SPLIT";
  const predecessors = changes.filter(
    (c) => c.successorCode === change.successorCode && c.effectiveDate === change.effectiveDate,
  );
  return predecessors.length === 1 && created === change.effectiveDate ? "RENAME" : "MERGER";
}
