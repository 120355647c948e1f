import DataLoader from "dataloader";
import { manyByKey, oneByKey } from "../../common/batch.ts";
import { createFigureLoaders } from "../../common/official-figures/loaders.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type {
  BuigBudgetModel,
  BuigMacrobudgetModel,
  BuigSpendingModel,
  MunicipalAreaModel,
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

/** Created once per request (see context.ts), so every batch and cache lives for one request. */
export function createMunicipalLoaders(prisma: PrismaClient) {
  const repo = municipalRepository(prisma);
  return {
    ...createFigureLoaders({ figures: prisma.municipalFigure, sources: prisma.municipalSource }),
    area: new DataLoader<string, MunicipalAreaModel | null>(async (codes) =>
      oneByKey(codes, await repo.areas(codes), (a) => a.municipalityCode),
    ),
    /** key: a region code, or "*" for every municipality */
    members: new DataLoader<string, MunicipalAreaModel[]>(async (keys) => {
      const rows = await repo.areasIn(keys.includes("*") ? null : [...keys]);
      return keys.map((key) => (key === "*" ? rows : rows.filter((r) => r.labourMarketRegionCode === key)));
    }),
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
    allRules: new DataLoader<"all", SafetyNetRuleModel[]>(async (keys) => {
      const rules = await repo.allRules();
      return keys.map(() => rules);
    }),
    budgetYears: new DataLoader<string, number[]>(async (codes) =>
      manyByKey(codes, await repo.budgetYearsOf(codes), (r) => r.municipalityCode).map((rows) =>
        rows.map((r) => r.year),
      ),
    ),
    buigYears: new DataLoader<"all", number[]>(async (keys) => {
      const years = await repo.buigYears();
      return keys.map(() => years);
    }),
  };
}

export type MunicipalLoaders = ReturnType<typeof createMunicipalLoaders>;
