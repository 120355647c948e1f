// Builds the in-memory AreaHistory from table rows: the reference subgraph's tables and the municipal
// subgraph's copy have the same shape.
import { AreaHistory } from "../domain/area-history.ts";
import type { Lifetime } from "../domain/municipal-history.ts";
import type { CompleteClassification, MembershipEvidence } from "../domain/region-membership.ts";
import { isoDay } from "./reference-data.ts";

export interface AreaRows {
  municipalities: { code: string; createdOn: Date | null; dissolvedOn: Date | null }[];
  changes: { dissolvedCode: string; successorCode: string; effectiveDate: Date }[];
  memberships: MembershipEvidence[];
  classifications: CompleteClassification[];
}

export function areaHistoryOf(rows: AreaRows): AreaHistory {
  const lifetimes = new Map<string, Lifetime>(
    rows.municipalities.map((m) => [
      m.code,
      {
        code: m.code,
        createdOn: m.createdOn && isoDay(m.createdOn),
        dissolvedOn: m.dissolvedOn && isoDay(m.dissolvedOn),
      },
    ]),
  );
  // codes dissolved before the data begins appear only in the change list
  for (const c of rows.changes) {
    if (!lifetimes.has(c.dissolvedCode)) {
      lifetimes.set(c.dissolvedCode, { code: c.dissolvedCode, createdOn: null, dissolvedOn: isoDay(c.effectiveDate) });
    }
  }
  return new AreaHistory({
    lifetimes: [...lifetimes.values()],
    changes: rows.changes.map((c) => ({
      effectiveDate: isoDay(c.effectiveDate),
      dissolvedCode: c.dissolvedCode,
      successorCode: c.successorCode,
    })),
    evidence: rows.memberships,
    classifications: rows.classifications,
  });
}
