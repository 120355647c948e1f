// Which labour-market region each municipality belonged to in each year. Years with a complete
// classification (published, or imported by a user) are served as they are; for the other years the
// membership is derived by the rule below and flagged where it is uncertain. Pure functions.
import { existsOn1January, firstYearOf, lastYearOf, type Lifetime, type MunicipalChange } from "./municipal-history.ts";

/** A municipality's region in a year as a source states it. */
export interface MembershipEvidence {
  year: number;
  municipalityCode: string;
  regionCode: string;
  sourceId: string;
}

/** A year whose classification is complete (every municipality of the year), and its source. */
export interface CompleteClassification {
  year: number;
  sourceId: string;
}

/** How a membership is known. */
export type MembershipBasis =
  /** from the year's complete classification */
  | "CLASSIFICATION"
  /** the year has no complete classification, but a source gives this municipality's region that year */
  | "STATED"
  /** derived by MEMBERSHIP_RULE */
  | "DERIVED";

export interface Membership {
  year: number;
  municipalityCode: string;
  regionCode: string;
  basis: MembershipBasis;
  /** the source of a CLASSIFICATION or STATED membership; null when DERIVED */
  sourceId: string | null;
  uncertain: boolean;
  /** for DERIVED: what it rests on; for uncertain ones, why */
  reason: string | null;
}

export const MEMBERSHIP_RULE =
  "No classification of this year is embedded, so membership is derived: each municipality is placed in its region " +
  "of the latest earlier year with a known region (a complete classification, or the CBS table of a municipality's " +
  "last year), carried through the mergers since — a municipality formed since then takes the region of the " +
  "municipalities it was formed from. A membership is flagged uncertain when the next known region (of the " +
  "municipality, or of its successors) differs, or when the municipalities it was formed from lay in different regions.";

interface Known {
  year: number;
  regionCode: string;
}

export interface MembershipInput {
  lifetimes: ReadonlyMap<string, Lifetime>;
  changes: readonly MunicipalChange[];
  evidence: readonly MembershipEvidence[];
  classifications: readonly CompleteClassification[];
}

/** Derives memberships year by year (memoized), from the evidence and the municipal changes. */
export class MembershipHistory {
  private readonly known = new Map<string, Known[]>();
  private readonly complete: Map<number, string>;
  private readonly byYear = new Map<number, Map<string, Membership>>();
  private readonly stated = new Map<string, MembershipEvidence>();

  constructor(private readonly input: MembershipInput) {
    this.complete = new Map(input.classifications.map((c) => [c.year, c.sourceId]));
    for (const e of input.evidence) {
      this.stated.set(`${e.municipalityCode}|${e.year}`, e);
      const list = this.known.get(e.municipalityCode) ?? [];
      list.push({ year: e.year, regionCode: e.regionCode });
      this.known.set(e.municipalityCode, list);
    }
    for (const list of this.known.values()) list.sort((a, b) => a.year - b.year);
  }

  /** Years with a complete classification. */
  classificationYears(): number[] {
    return [...this.complete.keys()].sort((a, b) => a - b);
  }

  /** The source of a year's complete classification, or null when the year is derived. */
  classificationSource(year: number): string | null {
    return this.complete.get(year) ?? null;
  }

  /** Every municipality existing on 1 January of the year, with its region. */
  year(year: number): Map<string, Membership> {
    let memberships = this.byYear.get(year);
    if (!memberships) {
      memberships = new Map();
      for (const lifetime of this.input.lifetimes.values()) {
        if (!existsOn1January(lifetime, year)) continue;
        const membership = this.membership(lifetime.code, year);
        if (membership) memberships.set(lifetime.code, membership);
      }
      this.byYear.set(year, memberships);
    }
    return memberships;
  }

  private membership(code: string, year: number): Membership | null {
    const classification = this.complete.get(year);
    const stated = this.stated.get(`${code}|${year}`);
    if (stated) {
      return {
        year,
        municipalityCode: code,
        regionCode: stated.regionCode,
        basis: classification !== undefined ? "CLASSIFICATION" : "STATED",
        sourceId: stated.sourceId,
        uncertain: false,
        reason: null,
      };
    }
    // a complete classification lists every municipality of its year: none missing is derived
    if (classification !== undefined) return null;
    const earlier = this.earlier(code, year);
    if (earlier.length === 0) return null;
    const regions = [...new Set(earlier.map((k) => k.regionCode))].sort();
    const later = this.later(code, year);
    const laterRegions = [...new Set(later.map((k) => k.regionCode))].sort();
    // several candidate regions: the later known one breaks the tie when it is among them
    const regionCode =
      regions.length > 1 && laterRegions.length === 1 && regions.includes(laterRegions[0]!)
        ? laterRegions[0]!
        : regions[0]!;
    const reasons: string[] = [];
    const from = describe(earlier);
    if (regions.length > 1) reasons.push(`formed from municipalities in different regions (${from})`);
    else reasons.push(`in ${regionCode} in ${[...new Set(earlier.map((k) => k.year))].join(", ")}`);
    const moved = laterRegions.some((r) => r !== regionCode);
    if (moved) reasons.push(`known in ${describe(later)} later; the year it changed is not in the embedded sources`);
    return {
      year,
      municipalityCode: code,
      regionCode,
      basis: "DERIVED",
      sourceId: null,
      uncertain: regions.length > 1 || moved,
      reason: reasons.join("; "),
    };
  }

  /** The latest known region before `year`: the code's own, or that of what it was formed from. */
  private earlier(code: string, year: number): Known[] {
    const lifetime = this.input.lifetimes.get(code);
    if (!lifetime) return [];
    const own = (this.known.get(code) ?? []).filter((k) => k.year < year && k.year >= firstYearOf(lifetime)).at(-1);
    if (own) return [own];
    if (lifetime.createdOn === null) return [];
    const formedFrom = this.input.changes.filter(
      (c) => c.successorCode === code && c.effectiveDate === lifetime.createdOn,
    );
    return formedFrom.flatMap((c) => {
      const predecessor = this.input.lifetimes.get(c.dissolvedCode);
      return predecessor ? this.earlier(c.dissolvedCode, lastYearOf(predecessor) + 1) : [];
    });
  }

  /** The next known region after `year`: the code's own while it exists, else its successors'. */
  private later(code: string, year: number): Known[] {
    const lifetime = this.input.lifetimes.get(code);
    if (!lifetime) return [];
    const own = (this.known.get(code) ?? []).find((k) => k.year > year && k.year <= lastYearOf(lifetime));
    if (own) return [own];
    if (lifetime.dissolvedOn === null) return [];
    const successors = this.input.changes.filter((c) => c.dissolvedCode === code);
    return successors.flatMap((c) => this.later(c.successorCode, Math.max(year, lastYearOf(lifetime))));
  }
}

function describe(known: Known[]): string {
  return [...new Set(known.map((k) => `${k.regionCode} (${k.year})`))].sort().join(", ");
}
