import DataLoader from "dataloader";
import type { AreaHistory } from "../../domain/area-history.ts";
import { areaHistoryOf } from "../../common/area-history-rows.ts";
import { manyByKey, oneByKey } from "../../common/batch.ts";
import { createFigureLoaders } from "../../common/official-figures/loaders.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type {
  BuigBudgetModel,
  BuigMacrobudgetModel,
  BuigSpendingModel,
  ParticipationShareModel,
  SafetyNetRuleModel,
  ShelteredWorkPlacesModel,
} from "../../generated/prisma/models.ts";
import { municipalRepository, type YearKey } from "./repository.ts";

/** `${municipality code}|${year}` */
export type CodeYear = `${string}|${number}`;
export const codeYear = (code: string, year: number): CodeYear => `${code}|${year}`;
const parse = (key: CodeYear): YearKey => {
  const [code, year] = key.split("|");
  return { code: code!, year: Number(year) };
};
const keyOf = (row: { municipalityCode: string; year: number }) => codeYear(row.municipalityCode, row.year);

const all = <T>(read: () => Promise<T>) =>
  new DataLoader<"all", T>(async (keys) => {
    const rows = await read();
    return keys.map(() => rows);
  });

/**
 * The municipal subgraph's reads, batched: created once per request (context.ts), and by the data
 * CLI for a run of its own. Every batch is one SQL statement whatever the number of keys.
 */
export function createMunicipalLoaders(prisma: PrismaClient) {
  const repo = municipalRepository(prisma);
  let history: Promise<AreaHistory> | null = null;
  return {
    ...createFigureLoaders({ figures: prisma.municipalFigure, sources: prisma.municipalSource }),
    /** the municipalities and region memberships of every year, in memory */
    areaHistory: () =>
      (history ??= repo.areaRows().then((rows) =>
        areaHistoryOf({
          municipalities: rows.areas.map((a) => ({
            code: a.municipalityCode,
            createdOn: a.createdOn,
            dissolvedOn: a.dissolvedOn,
          })),
          changes: rows.changes,
          memberships: rows.memberships,
          classifications: rows.classifications,
        }),
      )),
    budgets: new DataLoader<CodeYear, BuigBudgetModel[]>(async (keys) =>
      manyByKey(keys, await repo.budgets(keys.map(parse)), keyOf),
    ),
    spending: new DataLoader<CodeYear, BuigSpendingModel | null>(async (keys) =>
      oneByKey(keys, await repo.spendings(keys.map(parse)), keyOf),
    ),
    shares: new DataLoader<CodeYear, ParticipationShareModel[]>(async (keys) =>
      manyByKey(keys, await repo.shares(keys.map(parse)), keyOf),
    ),
    places: new DataLoader<CodeYear, ShelteredWorkPlacesModel | null>(async (keys) =>
      oneByKey(keys, await repo.places(keys.map(parse)), keyOf),
    ),
    macrobudgets: new DataLoader<number, BuigMacrobudgetModel[]>(async (years) =>
      manyByKey(years, await repo.macrobudgets(years), (m) => m.year),
    ),
    rule: new DataLoader<number, SafetyNetRuleModel | null>(async (years) =>
      oneByKey(years, await repo.rules(years), (r) => r.year),
    ),
    allRules: all(() => repo.allRules()),
    budgetYears: new DataLoader<string, number[]>(async (codes) =>
      manyByKey(codes, await repo.budgetYearsOf(codes), (r) => r.municipalityCode).map((rows) =>
        rows.map((r) => r.year),
      ),
    ),
    buigYears: all(() => repo.buigYears()),
  };
}

export type MunicipalLoaders = ReturnType<typeof createMunicipalLoaders>;

/** Rows of many (code, year) keys from a loader, without the missing ones. */
export async function loadAll<T>(loader: DataLoader<CodeYear, T | null>, codes: readonly string[], year: number) {
  const rows = await loader.loadMany(codes.map((code) => codeYear(code, year)));
  return rows.map((row, i) => {
    if (row instanceof Error) throw row;
    return { code: codes[i]!, row };
  });
}
