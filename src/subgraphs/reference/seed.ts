import type { Database } from "../../db/database.ts";
import { syncMemberships } from "../../common/membership-seed.ts";
import { readReferenceData } from "../../common/reference-data.ts";
import { syncSources } from "../../common/official-figures/seed.ts";
import { addCounts, syncRows, type SyncCounts } from "../../common/sync.ts";

/** Loads the reference data in one transaction; a second run changes nothing. */
export async function seedReference(db: Database, data = readReferenceData()): Promise<SyncCounts> {
  return db.prisma.$transaction(
    async (tx) => {
      const sources = await syncSources(tx.referenceSource, data.sources);
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
      const regionNames = await syncRows({
        existing: await tx.labourMarketRegionName.findMany(),
        desired: data.regionNames,
        key: (n) => `${n.regionCode}|${n.year}`,
        insert: (data) => tx.labourMarketRegionName.createMany({ data }),
        update: ({ regionCode, year, ...data }) =>
          tx.labourMarketRegionName.update({ where: { regionCode_year: { regionCode, year } }, data }),
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
        key: (n) => `${n.municipalityCode}|${n.name}`,
        insert: (data) => tx.municipalityName.createMany({ data }),
        update: ({ municipalityCode, name, ...data }) =>
          tx.municipalityName.update({ where: { municipalityCode_name: { municipalityCode, name } }, data }),
      });
      const aliases = await syncRows({
        existing: await tx.municipalityAlias.findMany(),
        desired: data.aliases,
        key: (a) => `${a.alias}|${a.municipalityCode}`,
        insert: (data) => tx.municipalityAlias.createMany({ data }),
        update: ({ alias, municipalityCode, ...data }) =>
          tx.municipalityAlias.update({ where: { alias_municipalityCode: { alias, municipalityCode } }, data }),
      });
      const changes = await syncRows({
        existing: await tx.municipalityChange.findMany(),
        desired: data.changes,
        key: (c) => `${c.dissolvedCode}|${c.successorCode}`,
        insert: (data) => tx.municipalityChange.createMany({ data }),
        update: ({ dissolvedCode, successorCode, ...data }) =>
          tx.municipalityChange.update({
            where: { dissolvedCode_successorCode: { dissolvedCode, successorCode } },
            data,
          }),
      });
      const memberships = await syncMemberships(
        { classifications: tx.regionClassification, memberships: tx.regionMembership },
        data,
        new Set(data.sources.map((s) => s.id)),
      );
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
      return addCounts(
        sources,
        provinces,
        regions,
        regionNames,
        municipalities,
        names,
        aliases,
        changes,
        memberships,
        populations,
      );
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
