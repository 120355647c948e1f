// CSV import into the reference subgraph: a year's region classification (see
// common/import/region-membership.ts), with the names of the regions it uses.
import {
  checkMemberships,
  lifetimeOf,
  membershipFormat,
  replaceClassifications,
  type MembershipRow,
} from "../../common/import/region-membership.ts";
import type { ImportTarget } from "../../common/import/run.ts";
import { syncSources } from "../../common/official-figures/seed.ts";
import { syncRows } from "../../common/sync.ts";

export const regionMembership: ImportTarget<MembershipRow> = {
  format: membershipFormat,
  async check(rows, db, file) {
    const [municipalities, regions] = await Promise.all([
      db.prisma.municipality.findMany({ select: { code: true, name: true, createdOn: true, dissolvedOn: true } }),
      db.prisma.labourMarketRegion.findMany({ select: { code: true } }),
    ]);
    return checkMemberships(
      rows,
      {
        lifetimes: new Map(municipalities.map((m) => [m.code, lifetimeOf(m)])),
        regionCodes: new Set(regions.map((r) => r.code)),
      },
      file,
    );
  },
  async write(tx, rows, source) {
    await syncSources(tx.referenceSource, [source]);
    const names = new Map(rows.flatMap((r) => (r.regionName ? [[`${r.regionCode}|${r.year}`, r] as const] : [])));
    const known = new Set((await tx.labourMarketRegion.findMany({ select: { code: true } })).map((r) => r.code));
    const fresh = [...names.values()].filter((r) => !known.has(r.regionCode));
    await tx.labourMarketRegion.createMany({
      data: [...new Map(fresh.map((r) => [r.regionCode, { code: r.regionCode, name: r.regionName! }])).values()],
    });
    await syncRows({
      existing: await tx.labourMarketRegionName.findMany({
        where: { year: { in: [...new Set(rows.map((r) => r.year))] } },
      }),
      desired: [...names.values()].map((r) => ({
        regionCode: r.regionCode,
        year: r.year,
        name: r.regionName!,
        sourceId: source.id,
      })),
      key: (n) => `${n.regionCode}|${n.year}`,
      insert: (data) => tx.labourMarketRegionName.createMany({ data }),
      update: ({ regionCode, year, ...data }) =>
        tx.labourMarketRegionName.update({ where: { regionCode_year: { regionCode, year } }, data }),
    });
    // the region names ride along: only the memberships are counted as written
    return replaceClassifications(
      { memberships: tx.regionMembership, classifications: tx.regionClassification },
      rows,
      source,
    );
  },
};

export const REFERENCE_IMPORTS = { "region-membership": regionMembership } as const;
