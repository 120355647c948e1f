import DataLoader from "dataloader";
import { manyByKey } from "../../common/batch.ts";
import { createFigureLoaders } from "../../common/official-figures/loaders.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { QuotaRuleModel, RegionalJobMeasurementModel, UwvRegionModel } from "../../generated/prisma/models.ts";

const all = <T>(read: () => Promise<T>) =>
  new DataLoader<"all", T>(async (keys) => {
    const rows = await read();
    return keys.map(() => rows);
  });

/** Created once per request (see context.ts), so every batch and cache lives for one request. */
export function createUwvLoaders(prisma: PrismaClient) {
  return {
    ...createFigureLoaders({ figures: prisma.uwvFigure, sources: prisma.uwvSource }),
    /** every measurement of each region, oldest first: one query for any number of regions */
    regionalMeasurements: new DataLoader<string, RegionalJobMeasurementModel[]>(async (codes) =>
      manyByKey(
        codes,
        await prisma.regionalJobMeasurement.findMany({
          where: { regionCode: { in: [...codes] } },
          orderBy: [{ year: "asc" }, { quarter: "asc" }],
        }),
        (m) => m.regionCode,
      ),
    ),
    /** every region's measurements of one period (year|quarter) */
    periodMeasurements: new DataLoader<string, RegionalJobMeasurementModel[]>(async (keys) => {
      const periods = keys.map((k) => k.split("|").map(Number) as [number, number]);
      const rows = await prisma.regionalJobMeasurement.findMany({
        where: { OR: periods.map(([year, quarter]) => ({ year, quarter })) },
      });
      return manyByKey(keys, rows, (m) => `${m.year}|${m.quarter}`);
    }),
    regions: all<UwvRegionModel[]>(() => prisma.uwvRegion.findMany({ orderBy: { code: "asc" } })),
    quotaRules: all<QuotaRuleModel[]>(() =>
      prisma.quotaRule.findMany({ orderBy: [{ sector: "asc" }, { yearFrom: "asc" }] }),
    ),
  };
}

export type UwvLoaders = ReturnType<typeof createUwvLoaders>;
