// Loading the published region memberships into a subgraph's tables (the reference subgraph's, and
// the municipal subgraph's copy): the same rows and the same rule in both.
import type { CompleteClassification, MembershipEvidence } from "../domain/region-membership.ts";
import { addCounts, syncRows, type SyncCounts } from "./sync.ts";

/** The two tables as Prisma delegates of either subgraph. */
export interface MembershipTables {
  classifications: {
    findMany(): Promise<CompleteClassification[]>;
    createMany(args: { data: CompleteClassification[] }): Promise<unknown>;
    update(args: { where: { year: number }; data: { sourceId: string } }): Promise<unknown>;
  };
  memberships: {
    findMany(): Promise<MembershipEvidence[]>;
    createMany(args: { data: MembershipEvidence[] }): Promise<unknown>;
    update(args: {
      where: { year_municipalityCode: { year: number; municipalityCode: string } };
      data: { regionCode: string; sourceId: string };
    }): Promise<unknown>;
  };
}

/**
 * The published classifications and memberships, except in years whose classification a user
 * imported (a source that is not one of `ours`): an import replaces what is published or derived, and
 * loading again leaves it alone.
 */
export async function syncMemberships(
  tables: MembershipTables,
  data: { classifications: CompleteClassification[]; memberships: MembershipEvidence[] },
  ours: ReadonlySet<string>,
): Promise<SyncCounts> {
  const stored = await tables.classifications.findMany();
  const imported = new Set(stored.filter((c) => !ours.has(c.sourceId)).map((c) => c.year));
  const classifications = await syncRows({
    existing: stored.filter((c) => !imported.has(c.year)),
    desired: data.classifications.filter((c) => !imported.has(c.year)),
    key: (c) => String(c.year),
    insert: (rows) => tables.classifications.createMany({ data: rows }),
    update: ({ year, sourceId }) => tables.classifications.update({ where: { year }, data: { sourceId } }),
  });
  const memberships = await syncRows({
    existing: await tables.memberships.findMany(),
    desired: data.memberships.filter((m) => !imported.has(m.year)),
    key: (m) => `${m.year}|${m.municipalityCode}`,
    insert: (rows) => tables.memberships.createMany({ data: rows }),
    update: ({ year, municipalityCode, regionCode, sourceId }) =>
      tables.memberships.update({
        where: { year_municipalityCode: { year, municipalityCode } },
        data: { regionCode, sourceId },
      }),
  });
  return addCounts(classifications, memberships);
}
