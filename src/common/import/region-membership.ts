// CSV import of a year's labour-market region classification (CBS publishes one every year in
// "Gebieden in Nederland"). It replaces the published or derived membership of each year in the file,
// in the reference subgraph and in the municipal subgraph's copy, which sum regions by it.
import { z } from "zod";
import { existsOn1January, type Lifetime } from "../../domain/municipal-history.ts";
import { isoDay } from "../reference-data.ts";
import {
  municipalityCodeColumn,
  regionCodeColumn,
  yearColumn,
  type ImportError,
  type ImportFormat,
  type ParsedRow,
} from "./csv-import.ts";
import type { SourceRow } from "../official-figures/read.ts";
import type { SyncCounts } from "../sync.ts";

export interface MembershipRow {
  year: number;
  municipalityCode: string;
  regionCode: string;
  regionName: string | null;
}

export const membershipFormat: ImportFormat<MembershipRow> = {
  name: "region-membership",
  description:
    "A year's labour-market region classification: every municipality of that year (1 January) with its region, " +
    "as CBS publishes it in Gebieden in Nederland. Replaces the published or derived membership of each year in the file.",
  columns: [
    { name: "year", required: true, description: "classification year, e.g. 2020" },
    { name: "municipality_code", required: true, description: "CBS code of a municipality of that year, e.g. GM0014" },
    { name: "labour_market_region_code", required: true, description: "region code, e.g. AM01" },
    {
      name: "labour_market_region_name",
      required: false,
      description: "the region's name that year; needed for a region code this service does not know",
    },
  ],
  example: [
    "year,municipality_code,labour_market_region_code,labour_market_region_name",
    "2020,GM0014,AM01,Groningen",
    "2020,GM0034,AM11,Flevoland",
  ].join("\n"),
  schema: z
    .object({
      year: yearColumn,
      municipality_code: municipalityCodeColumn,
      labour_market_region_code: regionCodeColumn,
      labour_market_region_name: z.string().trim().min(1).optional(),
    })
    .transform((r) => ({
      year: r.year,
      municipalityCode: r.municipality_code,
      regionCode: r.labour_market_region_code,
      regionName: r.labour_market_region_name ?? null,
    })),
  key: (r) => `${r.year}|${r.municipalityCode}`,
  keyColumns: ["year", "municipality_code"],
  duplicate: (row, first) => ({
    column: "labour_market_region_code",
    message: `${row.municipalityCode} is already in ${first.row.regionCode} at line ${first.line}: a municipality belongs to one region in a year`,
  }),
};

/** What the checks need from a subgraph: when each code existed, and the region codes it knows. */
export interface KnownAreas {
  lifetimes: Map<string, Lifetime & { name: string }>;
  regionCodes: Set<string> | null;
}

/**
 * Problems that need the database: unknown codes, codes that did not exist in the year, a year that
 * leaves municipalities out, a region code without a name. (A municipality listed twice in a year is
 * caught as the file is read: see `duplicate`.)
 */
export function checkMemberships(rows: ParsedRow<MembershipRow>[], known: KnownAreas, file: string): ImportError[] {
  const name = file.split("/").at(-1)!;
  const errors: ImportError[] = [];
  const error = (row: number, column: string | null, message: string) =>
    errors.push({ file: name, row, column, message });
  for (const { row, line } of rows) {
    const lifetime = known.lifetimes.get(row.municipalityCode);
    if (!lifetime) {
      error(line, "municipality_code", `unknown municipality ${row.municipalityCode}: not in the CBS tables 2010–2026`);
    } else if (!existsOn1January(lifetime, row.year)) {
      const when = lifetime.dissolvedOn ? `dissolved on ${lifetime.dissolvedOn}` : `created on ${lifetime.createdOn}`;
      error(
        line,
        "municipality_code",
        `${row.municipalityCode} (${lifetime.name}) did not exist on 1 January ${row.year}: ${when}`,
      );
    }
    if (known.regionCodes && !known.regionCodes.has(row.regionCode) && !row.regionName) {
      error(line, "labour_market_region_name", `region ${row.regionCode} is new here: give its name`);
    }
  }
  for (const year of new Set(rows.map((r) => r.row.year))) {
    const listed = new Set(rows.filter((r) => r.row.year === year).map((r) => r.row.municipalityCode));
    const missing = [...known.lifetimes.values()]
      .filter((l) => existsOn1January(l, year) && !listed.has(l.code))
      .map((l) => l.code)
      .sort();
    if (missing.length > 0) {
      error(
        1,
        "municipality_code",
        `the ${year} classification must list every municipality of ${year}; missing ${missing.length}: ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? ", …" : ""}`,
      );
    }
  }
  return errors;
}

/** The rows of a subgraph's municipality table as lifetimes. */
export const lifetimeOf = (row: { code: string; name: string; createdOn: Date | null; dissolvedOn: Date | null }) => ({
  code: row.code,
  name: row.name,
  createdOn: row.createdOn && isoDay(row.createdOn),
  dissolvedOn: row.dissolvedOn && isoDay(row.dissolvedOn),
});

/** The two tables a classification lives in, in either subgraph. */
export interface MembershipWriteTables {
  memberships: {
    findMany(args: {
      where: { year: { in: number[] } };
    }): Promise<{ year: number; municipalityCode: string; regionCode: string; sourceId: string }[]>;
    deleteMany(args: { where: { year: { in: number[] } } }): Promise<{ count: number }>;
    createMany(args: {
      data: { year: number; municipalityCode: string; regionCode: string; sourceId: string }[];
    }): Promise<unknown>;
  };
  classifications: {
    findMany(args: { where: { year: { in: number[] } } }): Promise<{ year: number; sourceId: string }[]>;
    deleteMany(args: { where: { year: { in: number[] } } }): Promise<{ count: number }>;
    createMany(args: { data: { year: number; sourceId: string }[] }): Promise<unknown>;
  };
}

/**
 * Replaces the classification of every year in the file: its memberships and its source. The same
 * file imported again changes nothing.
 */
export async function replaceClassifications(
  tables: MembershipWriteTables,
  rows: MembershipRow[],
  source: SourceRow,
): Promise<SyncCounts> {
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const where = { where: { year: { in: years } } };
  const [stored, classifications] = await Promise.all([
    tables.memberships.findMany(where),
    tables.classifications.findMany(where),
  ]);
  const asStored = new Set(stored.map((m) => `${m.year}|${m.municipalityCode}|${m.regionCode}|${m.sourceId}`));
  const same =
    stored.length === rows.length &&
    rows.every((r) => asStored.has(`${r.year}|${r.municipalityCode}|${r.regionCode}|${source.id}`)) &&
    classifications.length === years.length &&
    classifications.every((c) => c.sourceId === source.id);
  if (same) return { inserted: 0, updated: 0, unchanged: rows.length };
  const removed = await tables.memberships.deleteMany({ where: { year: { in: years } } });
  await tables.classifications.deleteMany({ where: { year: { in: years } } });
  await tables.memberships.createMany({
    data: rows.map((r) => ({
      year: r.year,
      municipalityCode: r.municipalityCode,
      regionCode: r.regionCode,
      sourceId: source.id,
    })),
  });
  await tables.classifications.createMany({ data: years.map((year) => ({ year, sourceId: source.id })) });
  // replaced rows count as updated; rows beyond those as inserted
  const updated = Math.min(removed.count, rows.length);
  return { inserted: rows.length - updated, updated, unchanged: 0 };
}
