import type { Database } from "../../db/database.ts";
import { readReferenceData } from "../../common/reference-data.ts";
import { addCounts, syncRows, type SyncCounts } from "../../common/sync.ts";

/** Loads the reference data in one transaction; a second run changes nothing. */
export async function seedReference(db: Database, data = readReferenceData()): Promise<SyncCounts> {
  return db.prisma.$transaction(
    async (tx) => {
      const sources = await syncRows({
        existing: await tx.referenceSource.findMany(),
        desired: data.sources,
        key: (s) => s.id,
        insert: (data) => tx.referenceSource.createMany({ data }),
        update: ({ id, ...data }) => tx.referenceSource.update({ where: { id }, data }),
      });
      const provinces = await syncRows({
        existing: await tx.province.findMany(),
        desired: data.provinces,
        key: (p) => p.code,
        insert: (data) => tx.province.createMany({ data }),
        update: ({ code, ...data }) => tx.province.update({ where: { code }, data }),
      });
      const regions = await syncRows({
        existing: await tx.labourMarketRegion.findMany(),
        desired: data.regions,
        key: (r) => r.code,
        insert: (data) => tx.labourMarketRegion.createMany({ data }),
        update: ({ code, ...data }) => tx.labourMarketRegion.update({ where: { code }, data }),
      });
      const municipalities = await syncRows({
        existing: await tx.municipality.findMany(),
        desired: data.municipalities,
        key: (m) => m.code,
        insert: (data) => tx.municipality.createMany({ data }),
        update: ({ code, ...data }) => tx.municipality.update({ where: { code }, data }),
      });
      const names = await syncRows({
        existing: await tx.municipalityName.findMany(),
        desired: data.names,
        key: (n) => n.searchKey,
        insert: (data) => tx.municipalityName.createMany({ data }),
        update: ({ searchKey, ...data }) => tx.municipalityName.update({ where: { searchKey }, data }),
      });
      const populations = await syncRows({
        existing: await tx.population.findMany(),
        desired: data.populations,
        key: (p) => `${p.municipalityCode}|${p.referenceDate.toISOString()}`,
        insert: (data) => tx.population.createMany({ data }),
        update: ({ municipalityCode, referenceDate, ...data }) =>
          tx.population.update({
            where: { municipalityCode_referenceDate: { municipalityCode, referenceDate } },
            data,
          }),
      });
      return addCounts(sources, provinces, regions, municipalities, names, populations);
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
