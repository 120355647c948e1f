// CSV import of real municipal figures: the formats (documented in docs/import-formats.md, with an
// example file each in examples/import/) and how each is written.
import { z } from "zod";
import { eurosToCents } from "../../domain/money.ts";
import {
  decimalColumn,
  isoDateColumn,
  municipalityCodeColumn,
  nonNegativeEurosColumn,
  shareColumn,
  stageColumn,
  yearColumn,
  type ImportError,
  type ParsedRow,
} from "../../common/import/csv-import.ts";
import type { ImportTarget, Tx } from "../../common/import/run.ts";
import type { SourceRow } from "../../common/official-figures/read.ts";
import { syncSources } from "../../common/official-figures/seed.ts";
import { syncRows } from "../../common/sync.ts";
import type { Database } from "../../db/database.ts";
import {
  checkMemberships,
  lifetimeOf,
  membershipFormat,
  replaceClassifications,
  type MembershipRow,
} from "../../common/import/region-membership.ts";
import { existsOn1January, FIRST_YEAR, LAST_YEAR } from "../../domain/municipal-history.ts";
import { isoDay } from "../../common/reference-data.ts";

/** Stores the import's source if it is new; not counted among the rows written. */
const writeSource = (tx: Tx, source: SourceRow) => syncSources(tx.municipalSource, [source]);

/**
 * Every municipality code in the file must be one CBS knows, and it must have existed on 1 January of
 * the row's year: a figure of Weesp for 2025 (dissolved in 2022) is a mistake, not a figure.
 */
async function checkMunicipalities(
  rows: ParsedRow<{ municipalityCode: string; year: number }>[],
  db: Database,
  file: string,
): Promise<ImportError[]> {
  const codes = [...new Set(rows.map((r) => r.row.municipalityCode))];
  const areas = new Map(
    (await db.prisma.municipalArea.findMany({ where: { municipalityCode: { in: codes } } })).map((a) => [
      a.municipalityCode,
      a,
    ]),
  );
  const error = (line: number, message: string): ImportError => ({
    file: file.split("/").at(-1)!,
    row: line,
    column: "municipality_code",
    message,
  });
  return rows.flatMap(({ row, line }) => {
    if (row.year < FIRST_YEAR || row.year > LAST_YEAR) {
      return [
        {
          ...error(line, `${row.year} is outside the years of the municipal tables (${FIRST_YEAR}–${LAST_YEAR})`),
          column: "year",
        },
      ];
    }
    const area = areas.get(row.municipalityCode);
    if (!area) return [error(line, `unknown municipality ${row.municipalityCode}: not in the CBS tables 2010–2026`)];
    const lifetime = {
      code: area.municipalityCode,
      createdOn: area.createdOn && isoDay(area.createdOn),
      dissolvedOn: area.dissolvedOn && isoDay(area.dissolvedOn),
    };
    if (existsOn1January(lifetime, row.year)) return [];
    const when = lifetime.dissolvedOn
      ? `it was dissolved on ${lifetime.dissolvedOn}`
      : `it was created on ${lifetime.createdOn}`;
    return [error(line, `${area.municipalityCode} (${area.name}) did not exist on 1 January ${row.year}: ${when}`)];
  });
}

const budgetRow = z.object({
  year: yearColumn,
  municipality_code: municipalityCodeColumn,
  stage: stageColumn,
  budget_eur: nonNegativeEurosColumn,
  share: shareColumn.optional(),
  published_on: isoDateColumn.optional(),
});

export const buigBudgets: ImportTarget<{
  year: number;
  municipalityCode: string;
  stage: string;
  cents: bigint;
  share: string | null;
  publishedOn: string | null;
}> = {
  format: {
    name: "buig-budgets",
    description: "BUIG budgets (gebundelde uitkering) per municipality, year and stage, in euros.",
    columns: [
      { name: "year", required: true, description: "budget year, e.g. 2017" },
      { name: "municipality_code", required: true, description: "CBS code, e.g. GM0363" },
      { name: "stage", required: true, description: "provisional, further_provisional or definitive" },
      { name: "budget_eur", required: true, description: "the budget in euros, a point before the cents: 1234567.89" },
      {
        name: "share",
        required: false,
        description: "share of the macrobudget from the distribution model, a fraction: 0.0123",
      },
      { name: "published_on", required: false, description: "when this stage was published: 2017-09-30" },
    ],
    example:
      "year,municipality_code,stage,budget_eur,share,published_on\n" +
      "2017,GM0014,definitive,64887237.72,0.011187454779,2017-09-30\n" +
      "2017,GM0034,definitive,45102311.05,,2017-09-30\n",
    schema: budgetRow.transform((r) => ({
      year: r.year,
      municipalityCode: r.municipality_code,
      stage: r.stage,
      cents: eurosToCents(r.budget_eur),
      share: r.share ?? null,
      publishedOn: r.published_on ?? null,
    })),
    key: (r) => `${r.municipalityCode}|${r.year}|${r.stage}`,
    keyColumns: ["municipality_code", "year", "stage"],
  },
  check: checkMunicipalities,
  async write(tx, rows, source) {
    const desired = rows.map((r) => ({
      municipalityCode: r.municipalityCode,
      year: r.year,
      stage: r.stage,
      amountCents: r.cents,
      share: r.share as never,
      publishedOn: r.publishedOn,
      sourceId: source.id,
    }));
    const years = [...new Set(rows.map((r) => r.year))];
    await writeSource(tx, source);
    return syncRows({
      existing: await tx.buigBudget.findMany({
        where: { year: { in: years }, municipalityCode: { in: [...new Set(rows.map((r) => r.municipalityCode))] } },
      }),
      desired,
      key: (b) => `${b.municipalityCode}|${b.year}|${b.stage}`,
      same: (a, b) =>
        a.amountCents === b.amountCents &&
        a.sourceId === b.sourceId &&
        a.publishedOn === b.publishedOn &&
        (a.share === null
          ? b.share === null
          : b.share !== null && (a.share as unknown as { equals(x: unknown): boolean }).equals(b.share)),
      insert: (data) => tx.buigBudget.createMany({ data }),
      update: ({ municipalityCode, year, stage, ...data }) =>
        tx.buigBudget.update({ where: { municipalityCode_year_stage: { municipalityCode, year, stage } }, data }),
    });
  },
};

export const buigSpending: ImportTarget<{ year: number; municipalityCode: string; cents: bigint }> = {
  format: {
    name: "buig-spending",
    description: "What each municipality spent from its BUIG budget in a year (uitgaven), in euros.",
    columns: [
      { name: "year", required: true, description: "budget year, e.g. 2017" },
      { name: "municipality_code", required: true, description: "CBS code, e.g. GM0363" },
      { name: "spending_eur", required: true, description: "spending in euros, a point before the cents: 1234567.89" },
    ],
    example: "year,municipality_code,spending_eur\n2017,GM0014,58699506.58\n2017,GM0034,47800120.00\n",
    schema: z
      .object({ year: yearColumn, municipality_code: municipalityCodeColumn, spending_eur: nonNegativeEurosColumn })
      .transform((r) => ({ year: r.year, municipalityCode: r.municipality_code, cents: eurosToCents(r.spending_eur) })),
    key: (r) => `${r.municipalityCode}|${r.year}`,
    keyColumns: ["municipality_code", "year"],
  },
  check: checkMunicipalities,
  async write(tx, rows, source) {
    const desired = rows.map((r) => ({
      municipalityCode: r.municipalityCode,
      year: r.year,
      amountCents: r.cents,
      sourceId: source.id,
    }));
    await writeSource(tx, source);
    return syncRows({
      existing: await tx.buigSpending.findMany({
        where: {
          year: { in: [...new Set(rows.map((r) => r.year))] },
          municipalityCode: { in: [...new Set(rows.map((r) => r.municipalityCode))] },
        },
      }),
      desired,
      key: (s) => `${s.municipalityCode}|${s.year}`,
      insert: (data) => tx.buigSpending.createMany({ data }),
      update: ({ municipalityCode, year, ...data }) =>
        tx.buigSpending.update({ where: { municipalityCode_year: { municipalityCode, year } }, data }),
    });
  },
};

export const participationShares: ImportTarget<{
  year: number;
  municipalityCode: string;
  targetGroup: "CLASSIC" | "NEW";
  share: string;
}> = {
  format: {
    name: "participation-shares",
    description:
      "Each municipality's share of a part of the participation budget (integratie-uitkering Participatie): " +
      "the allocation is the national part × the share.",
    columns: [
      { name: "year", required: true, description: "budget year, e.g. 2017" },
      { name: "municipality_code", required: true, description: "CBS code, e.g. GM0363" },
      { name: "target_group", required: true, description: "classic (klassieke doelgroep) or new (nieuwe doelgroep)" },
      { name: "share", required: true, description: "a fraction between 0 and 1 with a point: 0.0151" },
    ],
    example:
      "year,municipality_code,target_group,share\n2017,GM0014,classic,0.015108744931683\n2017,GM0014,new,0.016109770\n",
    schema: z
      .object({
        year: yearColumn,
        municipality_code: municipalityCodeColumn,
        target_group: z
          .string({ required_error: "is required" })
          .transform((v) => v.toUpperCase())
          .pipe(z.enum(["CLASSIC", "NEW"], { errorMap: () => ({ message: "must be classic or new" }) })),
        share: shareColumn,
      })
      .transform((r) => ({
        year: r.year,
        municipalityCode: r.municipality_code,
        targetGroup: r.target_group,
        share: r.share,
      })),
    key: (r) => `${r.municipalityCode}|${r.year}|${r.targetGroup}`,
    keyColumns: ["municipality_code", "year", "target_group"],
  },
  check: checkMunicipalities,
  async write(tx, rows, source) {
    const desired = rows.map((r) => ({
      municipalityCode: r.municipalityCode,
      year: r.year,
      targetGroup: r.targetGroup,
      share: r.share as never,
      sourceId: source.id,
    }));
    await writeSource(tx, source);
    return syncRows({
      existing: await tx.participationShare.findMany({
        where: {
          year: { in: [...new Set(rows.map((r) => r.year))] },
          municipalityCode: { in: [...new Set(rows.map((r) => r.municipalityCode))] },
        },
      }),
      desired,
      key: (s) => `${s.municipalityCode}|${s.year}|${s.targetGroup}`,
      insert: (data) => tx.participationShare.createMany({ data }),
      update: ({ municipalityCode, year, targetGroup, ...data }) =>
        tx.participationShare.update({
          where: { municipalityCode_year_targetGroup: { municipalityCode, year, targetGroup } },
          data,
        }),
    });
  },
};

export const buigMacrobudget: ImportTarget<{ year: number; stage: string; cents: bigint; publishedOn: string | null }> =
  {
    format: {
      name: "buig-macrobudget",
      description: "The national BUIG macrobudget per year and stage, in euros.",
      columns: [
        { name: "year", required: true, description: "budget year, e.g. 2018" },
        { name: "stage", required: true, description: "provisional, further_provisional or definitive" },
        { name: "amount_eur", required: true, description: "the macrobudget in euros: 6012000000.00" },
        { name: "published_on", required: false, description: "when this stage was published: 2018-09-28" },
      ],
      example: "year,stage,amount_eur,published_on\n2018,definitive,6012000000.00,2018-09-28\n",
      schema: z
        .object({
          year: yearColumn,
          stage: stageColumn,
          amount_eur: nonNegativeEurosColumn,
          published_on: isoDateColumn.optional(),
        })
        .transform((r) => ({
          year: r.year,
          stage: r.stage,
          cents: eurosToCents(r.amount_eur),
          publishedOn: r.published_on ?? null,
        })),
      key: (r) => `${r.year}|${r.stage}`,
      keyColumns: ["year", "stage"],
    },
    async write(tx, rows, source) {
      const desired = rows.map((r) => ({
        year: r.year,
        stage: r.stage,
        amountCents: r.cents,
        qualifier: "STATED",
        publishedOn: r.publishedOn,
        sourceId: source.id,
        note: null,
      }));
      await writeSource(tx, source);
      return syncRows({
        existing: await tx.buigMacrobudget.findMany({ where: { year: { in: [...new Set(rows.map((r) => r.year))] } } }),
        desired,
        key: (m) => `${m.year}|${m.stage}`,
        insert: (data) => tx.buigMacrobudget.createMany({ data }),
        update: ({ year, stage, ...data }) =>
          tx.buigMacrobudget.update({ where: { year_stage: { year, stage } }, data }),
      });
    },
  };

const placesColumn = decimalColumn(
  /^\d+(\.\d{1,2})?$/,
  "must be a number of places with at most two decimals, e.g. 12 or 12.5",
);

export const shelteredWorkPlaces: ImportTarget<{
  year: number;
  municipalityCode: string;
  target: string | null;
  realised: string | null;
}> = {
  format: {
    name: "sheltered-work-places",
    description:
      "Sheltered-work places (beschut werk) per municipality and year: the number the ministerial regulation asks it to realise " +
      "and the number realised. Give at least one of the two.",
    columns: [
      { name: "year", required: true, description: "year, e.g. 2017" },
      { name: "municipality_code", required: true, description: "CBS code, e.g. GM0363" },
      { name: "target_places", required: false, description: "places to realise under the regulation: 23.5" },
      { name: "realised_places", required: false, description: "places realised at the end of the year: 18" },
    ],
    example: "year,municipality_code,target_places,realised_places\n2017,GM0014,37.5,31\n2017,GM0034,28,\n",
    schema: z
      .object({
        year: yearColumn,
        municipality_code: municipalityCodeColumn,
        target_places: placesColumn.optional(),
        realised_places: placesColumn.optional(),
      })
      .superRefine((r, ctx) => {
        if (r.target_places === undefined && r.realised_places === undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["target_places"],
            message: "give target_places, realised_places or both",
          });
        }
      })
      .transform((r) => ({
        year: r.year,
        municipalityCode: r.municipality_code,
        target: r.target_places ?? null,
        realised: r.realised_places ?? null,
      })),
    key: (r) => `${r.municipalityCode}|${r.year}`,
    keyColumns: ["municipality_code", "year"],
  },
  check: checkMunicipalities,
  async write(tx, rows, source) {
    await writeSource(tx, source);
    const desired = rows.map((r) => ({
      municipalityCode: r.municipalityCode,
      year: r.year,
      targetPlaces: r.target as never,
      realisedPlaces: r.realised as never,
      sourceId: source.id,
    }));
    return syncRows({
      existing: await tx.shelteredWorkPlaces.findMany({
        where: {
          year: { in: [...new Set(rows.map((r) => r.year))] },
          municipalityCode: { in: [...new Set(rows.map((r) => r.municipalityCode))] },
        },
      }),
      desired,
      key: (p) => `${p.municipalityCode}|${p.year}`,
      insert: (data) => tx.shelteredWorkPlaces.createMany({ data }),
      update: ({ municipalityCode, year, ...data }) =>
        tx.shelteredWorkPlaces.update({ where: { municipalityCode_year: { municipalityCode, year } }, data }),
    });
  },
};

/**
 * The municipal subgraph's copy of an imported region classification (the reference subgraph takes
 * the file first; see subgraphs/imports.ts): the same checks, and the memberships it sums regions by.
 */
export const regionMembershipCopy: ImportTarget<MembershipRow> = {
  format: membershipFormat,
  async check(rows, db, file) {
    const areas = await db.prisma.municipalArea.findMany();
    const lifetimes = areas.map((a) => lifetimeOf({ ...a, code: a.municipalityCode }));
    return checkMemberships(rows, { lifetimes: new Map(lifetimes.map((l) => [l.code, l])), regionCodes: null }, file);
  },
  async write(tx, rows, source) {
    await writeSource(tx, source);
    return replaceClassifications(
      { memberships: tx.municipalRegionMembership, classifications: tx.municipalRegionClassification },
      rows,
      source,
    );
  },
};

export const MUNICIPAL_IMPORTS = {
  "buig-budgets": buigBudgets,
  "buig-spending": buigSpending,
  "participation-shares": participationShares,
  "buig-macrobudget": buigMacrobudget,
  "sheltered-work-places": shelteredWorkPlaces,
} as const;
