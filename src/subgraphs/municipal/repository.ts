import type { PrismaClient } from "../../generated/prisma/client.ts";

/**
 * Every read the municipal subgraph makes: whole tables, or a whole year of a table. Each is one SQL
 * statement, made once per process (the loaders keep the result until the data changes).
 */
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
    budgets: (year: number) => prisma.buigBudget.findMany({ where: { year } }),
    spendings: (year: number) => prisma.buigSpending.findMany({ where: { year } }),
    shares: (year: number) => prisma.participationShare.findMany({ where: { year } }),
    places: (year: number) => prisma.shelteredWorkPlaces.findMany({ where: { year } }),
    macrobudgets: () => prisma.buigMacrobudget.findMany(),
    rules: () => prisma.safetyNetRule.findMany({ orderBy: { year: "asc" } }),
    /** (municipality, year) of every budget, oldest year first */
    budgetYears: () =>
      prisma.buigBudget.findMany({
        select: { municipalityCode: true, year: true },
        distinct: ["municipalityCode", "year"],
        orderBy: { year: "asc" },
      }),
  };
}

export type MunicipalRepository = ReturnType<typeof municipalRepository>;
