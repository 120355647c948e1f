import type { PrismaClient } from "../../generated/prisma/client.ts";

/** Every read the reference subgraph makes. Each takes a whole batch of keys: one SQL query. */
export function referenceRepository(prisma: PrismaClient) {
  return {
    municipalities: (codes: readonly string[]) => prisma.municipality.findMany({ where: { code: { in: [...codes] } } }),

    /** municipalities in any of the given provinces or regions; all when both lists are absent */
    municipalitiesIn: (area: { provinceCodes?: string[]; regionCodes?: string[]; includeDissolved: boolean }) =>
      prisma.municipality.findMany({
        where: {
          ...(area.provinceCodes ? { provinceCode: { in: area.provinceCodes } } : {}),
          ...(area.regionCodes ? { labourMarketRegionCode: { in: area.regionCodes } } : {}),
          ...(area.includeDissolved ? {} : { lastYear: { gte: CURRENT_YEAR } }),
        },
      }),

    namesByKey: (searchKeys: readonly string[]) =>
      prisma.municipalityName.findMany({ where: { searchKey: { in: [...searchKeys] } } }),

    namesOf: (codes: readonly string[]) =>
      prisma.municipalityName.findMany({
        where: { municipalityCode: { in: [...codes] } },
        orderBy: { lastYear: "asc" },
      }),

    provinces: (codes: readonly string[]) => prisma.province.findMany({ where: { code: { in: [...codes] } } }),
    allProvinces: () => prisma.province.findMany({ orderBy: { name: "asc" } }),

    regions: (codes: readonly string[]) => prisma.labourMarketRegion.findMany({ where: { code: { in: [...codes] } } }),
    allRegions: () => prisma.labourMarketRegion.findMany({ orderBy: { code: "asc" } }),

    populationsOf: (codes: readonly string[]) =>
      prisma.population.findMany({
        where: { municipalityCode: { in: [...codes] } },
        orderBy: { referenceDate: "asc" },
      }),

    /** population on each date of municipalities whose (last-year) area is one of the given ones */
    populationsInAreas: (dates: Date[], area: { provinceCodes?: string[]; regionCodes?: string[] }) =>
      prisma.population.findMany({
        where: {
          referenceDate: { in: dates },
          municipality: {
            ...(area.provinceCodes ? { provinceCode: { in: area.provinceCodes } } : {}),
            ...(area.regionCodes ? { labourMarketRegionCode: { in: area.regionCodes } } : {}),
          },
        },
        select: {
          referenceDate: true,
          value: true,
          municipality: { select: { provinceCode: true, labourMarketRegionCode: true } },
        },
      }),

    latestPopulationDate: async () =>
      (await prisma.population.aggregate({ _max: { referenceDate: true } }))._max.referenceDate,

    sources: (ids: readonly string[]) => prisma.referenceSource.findMany({ where: { id: { in: [...ids] } } }),
  };
}

export type ReferenceRepository = ReturnType<typeof referenceRepository>;

/** The municipalities that exist today appear in the tables of this year. */
export const CURRENT_YEAR = 2026;
