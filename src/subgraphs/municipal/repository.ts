import type { PrismaClient } from "../../generated/prisma/client.ts";

export interface YearKey {
  code: string;
  year: number;
}

/** `where` for rows of (municipality, year) pairs: one condition per year, so one query per batch. */
function byYear(keys: readonly YearKey[]) {
  const codesByYear = new Map<number, string[]>();
  for (const { code, year } of keys) codesByYear.set(year, [...(codesByYear.get(year) ?? []), code]);
  return { OR: [...codesByYear].map(([year, codes]) => ({ year, municipalityCode: { in: codes } })) };
}

/** Every read the municipal subgraph makes. Each takes a whole batch of keys: one SQL query. */
export function municipalRepository(prisma: PrismaClient) {
  return {
    /** the municipalities, changes and region memberships this subgraph copies from CBS */
    areaRows: async () => {
      const [areas, changes, memberships, classifications] = await Promise.all([
        prisma.municipalArea.findMany(),
        prisma.municipalAreaChange.findMany(),
        prisma.municipalRegionMembership.findMany(),
        prisma.municipalRegionClassification.findMany(),
      ]);
      return { areas, changes, memberships, classifications };
    },
    budgets: (keys: readonly YearKey[]) => prisma.buigBudget.findMany({ where: byYear(keys) }),
    spendings: (keys: readonly YearKey[]) => prisma.buigSpending.findMany({ where: byYear(keys) }),
    shares: (keys: readonly YearKey[]) => prisma.participationShare.findMany({ where: byYear(keys) }),
    places: (keys: readonly YearKey[]) => prisma.shelteredWorkPlaces.findMany({ where: byYear(keys) }),
    macrobudgets: (years: readonly number[]) =>
      prisma.buigMacrobudget.findMany({ where: { year: { in: [...years] } } }),
    rules: (years: readonly number[]) => prisma.safetyNetRule.findMany({ where: { year: { in: [...years] } } }),
    allRules: () => prisma.safetyNetRule.findMany({ orderBy: { year: "asc" } }),
    budgetYearsOf: (codes: readonly string[]) =>
      prisma.buigBudget.findMany({
        where: { municipalityCode: { in: [...codes] } },
        select: { municipalityCode: true, year: true },
        distinct: ["municipalityCode", "year"],
        orderBy: { year: "asc" },
      }),
    /** years with any BUIG figure: municipal budgets or a stored macrobudget */
    buigYears: async () => {
      const [budgets, macro] = await Promise.all([
        prisma.buigBudget.findMany({ select: { year: true }, distinct: ["year"] }),
        prisma.buigMacrobudget.findMany({ select: { year: true }, distinct: ["year"] }),
      ]);
      return [...new Set([...budgets, ...macro].map((r) => r.year))];
    },
  };
}

export type MunicipalRepository = ReturnType<typeof municipalRepository>;
