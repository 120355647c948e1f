import DataLoader from "dataloader";
import type { AreaHistory } from "../../domain/area-history.ts";
import { areaHistoryOf } from "../../common/area-history-rows.ts";
import { createFigureLoaders } from "../../common/official-figures/loaders.ts";
import type { Database } from "../../db/database.ts";
import { municipalRepository } from "./repository.ts";

/** `${municipality code}|${year}` */
export type CodeYear = `${string}|${number}`;
export const codeYear = (code: string, year: number): CodeYear => `${code}|${year}`;
const parse = (key: CodeYear) => {
  const [code, year] = key.split("|");
  return { code: code!, year: Number(year) };
};

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

const all = <T>(read: () => Promise<T>) =>
  new DataLoader<"all", T>(async (keys) => {
    const value = await read();
    return keys.map(() => value);
  });

/**
 * The municipal subgraph's reads. Tables are read whole, or a whole year at a time, once per process
 * (db.cache, emptied when the data changes); the per-request DataLoaders (created in context.ts, or by
 * the data CLI for a run) batch the keys a request asks for and look them up in those reads.
 */
export function createMunicipalLoaders(db: Database) {
  const repo = municipalRepository(db.prisma);
  const cached = <T>(key: string, read: () => Promise<T>) => db.cache.get(key, read);

  /** rows of (municipality, year) keys from one read per year of a table */
  function perYear<Row extends { municipalityCode: string }>(table: string, read: (year: number) => Promise<Row[]>) {
    const yearOf = (year: number) =>
      cached(`${table}:${year}`, async () => groupBy(await read(year), (r) => r.municipalityCode));
    return new DataLoader<CodeYear, Row[]>(async (keys) => {
      const years = new Map<number, Map<string, Row[]>>();
      for (const year of new Set(keys.map((k) => parse(k).year))) years.set(year, await yearOf(year));
      return keys.map((key) => {
        const { code, year } = parse(key);
        return years.get(year)!.get(code) ?? [];
      });
    });
  }
  const single = <Row>(loader: DataLoader<CodeYear, Row[]>) =>
    new DataLoader<CodeYear, Row | null>(async (keys) =>
      (await loader.loadMany(keys)).map((rows) => {
        if (rows instanceof Error) throw rows;
        return rows[0] ?? null;
      }),
    );

  const budgetYears = () => cached("budget-years", repo.budgetYears);
  const macrobudgets = () => cached("macrobudgets", repo.macrobudgets);
  const rules = () => cached("rules", repo.rules);

  return {
    ...createFigureLoaders({ figures: db.prisma.municipalFigure, sources: db.prisma.municipalSource }, db.cache),
    /** the municipalities and region memberships of every year, in memory */
    areaHistory: (): Promise<AreaHistory> =>
      cached("area-history", async () => {
        const rows = await repo.areaRows();
        return areaHistoryOf({
          municipalities: rows.areas.map((a) => ({
            code: a.municipalityCode,
            createdOn: a.createdOn,
            dissolvedOn: a.dissolvedOn,
          })),
          changes: rows.changes,
          memberships: rows.memberships,
          classifications: rows.classifications,
        });
      }),
    budgets: perYear("budgets", repo.budgets),
    spending: single(perYear("spending", repo.spendings)),
    shares: perYear("shares", repo.shares),
    places: single(perYear("places", repo.places)),
    macrobudgets: new DataLoader(async (years: readonly number[]) => {
      const byYear = groupBy(await macrobudgets(), (m) => m.year);
      return years.map((year) => byYear.get(year) ?? []);
    }),
    rule: new DataLoader(async (years: readonly number[]) => {
      const byYear = new Map((await rules()).map((r) => [r.year, r]));
      return years.map((year) => byYear.get(year) ?? null);
    }),
    allRules: all(rules),
    /** the years a municipality has a budget, oldest first */
    budgetYears: new DataLoader(async (codes: readonly string[]) => {
      const byCode = groupBy(await budgetYears(), (r) => r.municipalityCode);
      return codes.map((code) => (byCode.get(code) ?? []).map((r) => r.year));
    }),
    /** years with any BUIG figure stored: municipal budgets or a stored macrobudget */
    buigYears: all(async () => [...new Set([...(await budgetYears()), ...(await macrobudgets())].map((r) => r.year))]),
  };
}

export type MunicipalLoaders = ReturnType<typeof createMunicipalLoaders>;
