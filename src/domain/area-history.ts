// The municipalities and regions of any year, in memory: built once from a subgraph's rows (the
// reference subgraph's, or the municipal subgraph's copy) and then only read. Indexes are made on
// first use, so a request that asks about one year pays for that year only.
import { existsOn1January, FIRST_YEAR, LAST_YEAR, type Lifetime, type MunicipalChange } from "./municipal-history.ts";
import {
  MembershipHistory,
  type CompleteClassification,
  type Membership,
  type MembershipEvidence,
} from "./region-membership.ts";

export interface AreaHistoryInput {
  /** every code, including those dissolved before the data begins */
  lifetimes: readonly Lifetime[];
  changes: readonly MunicipalChange[];
  evidence: readonly MembershipEvidence[];
  classifications: readonly CompleteClassification[];
}

export type YearRange = { from: number; to: number };

export class AreaHistory {
  readonly input: AreaHistoryInput;
  readonly membership: MembershipHistory;
  private readonly lifetimes: Map<string, Lifetime>;
  private readonly existing = new Map<number, string[]>();
  private readonly regions = new Map<number, Map<string, string[]>>();

  constructor(input: AreaHistoryInput) {
    // changes in a fixed order (date, dissolved, successor), so lists of them are stable
    this.input = {
      ...input,
      changes: [...input.changes].sort(
        (a, b) =>
          a.effectiveDate.localeCompare(b.effectiveDate) ||
          a.dissolvedCode.localeCompare(b.dissolvedCode) ||
          a.successorCode.localeCompare(b.successorCode),
      ),
    };
    this.lifetimes = new Map(input.lifetimes.map((l) => [l.code, l]));
    this.membership = new MembershipHistory({ ...this.input, lifetimes: this.lifetimes });
  }

  /** Years whose municipalities are known. */
  readonly municipalityYears: YearRange = { from: FIRST_YEAR, to: LAST_YEAR };

  /** Years whose region membership is known: from the first classification to today. */
  get membershipYears(): YearRange {
    const first = this.membership.classificationYears()[0];
    return { from: first ?? LAST_YEAR, to: LAST_YEAR };
  }

  lifetime(code: string): Lifetime | undefined {
    return this.lifetimes.get(code);
  }

  /** The codes that existed on 1 January of the year, sorted. */
  codesIn(year: number): string[] {
    let codes = this.existing.get(year);
    if (!codes) {
      codes = [...this.lifetimes.values()]
        .filter((l) => existsOn1January(l, year))
        .map((l) => l.code)
        .sort();
      this.existing.set(year, codes);
    }
    return codes;
  }

  existsIn(code: string, year: number): boolean {
    const lifetime = this.lifetimes.get(code);
    return lifetime !== undefined && existsOn1January(lifetime, year);
  }

  /** The changes in which the code was dissolved (its successors). */
  successorsOf(code: string): MunicipalChange[] {
    return this.input.changes.filter((c) => c.dissolvedCode === code);
  }

  /** The changes in which the code was a successor (what merged into it, or what it was formed from). */
  predecessorsOf(code: string): MunicipalChange[] {
    return this.input.changes.filter((c) => c.successorCode === code);
  }

  /** A municipality's region in a year; null when it did not exist then or the year is not covered. */
  membershipOf(code: string, year: number): Membership | null {
    return this.membership.year(year).get(code) ?? null;
  }

  /** The codes of a region's members in a year, sorted. */
  membersOf(regionCode: string, year: number): string[] {
    return this.regionsOf(year).get(regionCode) ?? [];
  }

  /** The region codes of a year's classification, sorted. */
  regionCodesIn(year: number): string[] {
    return [...this.regionsOf(year).keys()].sort();
  }

  private regionsOf(year: number): Map<string, string[]> {
    let regions = this.regions.get(year);
    if (!regions) {
      regions = new Map();
      for (const m of this.membership.year(year).values()) {
        regions.set(m.regionCode, [...(regions.get(m.regionCode) ?? []), m.municipalityCode]);
      }
      for (const codes of regions.values()) codes.sort();
      this.regions.set(year, regions);
    }
    return regions;
  }
}
