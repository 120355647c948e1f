import DataLoader from "dataloader";
import { manyByKey } from "../../common/batch.ts";
import { createFigureLoaders } from "../../common/official-figures/loaders.ts";
import type { Database } from "../../db/database.ts";

const all = <T>(read: () => Promise<T>) =>
  new DataLoader<"all", T>(async (keys) => {
    const rows = await read();
    return keys.map(() => rows);
  });

/**
 * The uwv subgraph's reads. Its tables are small (35 regions × about 40 quarters of measurements): each
 * is read whole once per process (db.cache, emptied when the data changes); the per-request loaders
 * (context.ts) look keys up in those reads.
 */
export function createUwvLoaders(db: Database) {
  const { prisma, cache } = db;
  const measurements = () =>
    cache.get("measurements", () =>
      prisma.regionalJobMeasurement.findMany({ orderBy: [{ regionCode: "asc" }, { year: "asc" }, { quarter: "asc" }] }),
    );
  return {
    ...createFigureLoaders({ figures: prisma.uwvFigure, sources: prisma.uwvSource }, cache),
    /** every measurement of each region, oldest first */
    regionalMeasurements: new DataLoader(async (codes: readonly string[]) =>
      manyByKey(codes, await measurements(), (m) => m.regionCode),
    ),
    /** every region's measurements of one period (year|quarter) */
    periodMeasurements: new DataLoader(async (keys: readonly string[]) =>
      manyByKey(keys, await measurements(), (m) => `${m.year}|${m.quarter}`),
    ),
    regions: all(() => cache.get("regions", () => prisma.uwvRegion.findMany({ orderBy: { code: "asc" } }))),
    employerParameters: all(() =>
      cache.get("employer-parameters", () =>
        prisma.employerParameter.findMany({
          orderBy: [{ instrument: "asc" }, { validFrom: "asc" }, { parameter: "asc" }],
        }),
      ),
    ),
    quotaRules: all(() =>
      cache.get("quota-rules", () => prisma.quotaRule.findMany({ orderBy: [{ sector: "asc" }, { yearFrom: "asc" }] })),
    ),
  };
}

export type UwvLoaders = ReturnType<typeof createUwvLoaders>;
