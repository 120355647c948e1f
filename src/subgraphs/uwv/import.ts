// CSV import of real regional job-agreement figures (documented in docs/import-formats.md).
import { z } from "zod";
import { Dec } from "../../domain/decimal.ts";
import { BASELINE_YEAR, HOURS_PER_JOB } from "../../domain/job-agreement.ts";
import { LAST_YEAR } from "../../domain/municipal-history.ts";
import {
  decimalColumn,
  regionCodeColumn,
  yearColumn,
  type ImportError,
  type ParsedRow,
} from "../../common/import/csv-import.ts";
import type { ImportTarget } from "../../common/import/run.ts";
import { syncSources } from "../../common/official-figures/seed.ts";
import { syncRows } from "../../common/sync.ts";

const positiveDecimal = (what: string) =>
  decimalColumn(/^\d+(\.\d{1,4})?$/, `must be ${what} with a point and at most four decimals, e.g. 12345.5`);

export const regionalJobs: ImportTarget<{ regionCode: string; year: number; quarter: number; hours: string }> = {
  format: {
    name: "regional-jobs",
    description:
      "Job-agreement jobs per labour-market region at the end of a quarter, as paid hours a week (verloonde uren) or as jobs " +
      "of 25.5 hours (then stored as jobs × 25.5 hours). Give exactly one of paid_hours_per_week and jobs.",
    columns: [
      { name: "region_code", required: true, description: "labour-market region, e.g. AM01" },
      { name: "year", required: true, description: "year, e.g. 2021; 2012 is the baseline (nulmeting)" },
      { name: "quarter", required: false, description: "1–4; empty means 4, the end-of-year measurement" },
      {
        name: "paid_hours_per_week",
        required: false,
        description: "paid hours a week of jobs in the target group: 114763.5",
      },
      { name: "jobs", required: false, description: "jobs of 25.5 hours, when hours are not given: 4500.5" },
    ],
    example:
      "region_code,year,quarter,paid_hours_per_week,jobs\nAM01,2021,4,114763.5,\nAM02,2021,4,,4021\nAM01,2012,,,2210\n",
    schema: z
      .object({
        region_code: regionCodeColumn,
        year: yearColumn,
        quarter: z.coerce
          .number()
          .int("must be 1, 2, 3 or 4")
          .min(1, "must be 1, 2, 3 or 4")
          .max(4, "must be 1, 2, 3 or 4")
          .optional(),
        paid_hours_per_week: positiveDecimal("paid hours").optional(),
        jobs: positiveDecimal("a number of jobs").optional(),
      })
      .superRefine((r, ctx) => {
        if ((r.paid_hours_per_week === undefined) === (r.jobs === undefined)) {
          ctx.addIssue({
            code: "custom",
            path: ["paid_hours_per_week"],
            message: "give exactly one of paid_hours_per_week and jobs",
          });
        }
      })
      .transform((r) => ({
        regionCode: r.region_code,
        year: r.year,
        quarter: r.quarter ?? 4,
        hours: r.paid_hours_per_week ?? Dec.of(r.jobs!).mul(HOURS_PER_JOB).toString(),
      })),
    key: (r) => `${r.regionCode}|${r.year}|${r.quarter}`,
    keyColumns: ["region_code", "year", "quarter"],
  },
  async check(rows: ParsedRow<{ regionCode: string; year: number }>[], db, file): Promise<ImportError[]> {
    const known = new Set((await db.prisma.uwvRegion.findMany({ select: { code: true } })).map((r) => r.code));
    const at = (line: number, column: string, message: string): ImportError => ({
      file: file.split("/").at(-1)!,
      row: line,
      column,
      message,
    });
    return rows.flatMap(({ row, line }) => [
      // 2012 is the baseline measurement; nothing is measured after the last year the data know
      ...(row.year < BASELINE_YEAR || row.year > LAST_YEAR
        ? [at(line, "year", `${row.year} is outside the job agreement's measurements (${BASELINE_YEAR}–${LAST_YEAR})`)]
        : []),
      ...(known.has(row.regionCode)
        ? []
        : [
            at(
              line,
              "region_code",
              `unknown labour-market region ${row.regionCode}: not in any classification since 2015`,
            ),
          ]),
    ]);
  },
  async write(tx, rows, source) {
    // the source is stored if new, and not counted among the rows written
    await syncSources(tx.uwvSource, [source]);
    const desired = rows.map((r) => ({
      regionCode: r.regionCode,
      year: r.year,
      quarter: r.quarter,
      paidHoursPerWeek: r.hours as never,
      sourceId: source.id,
    }));
    return syncRows({
      existing: await tx.regionalJobMeasurement.findMany({
        where: { year: { in: [...new Set(rows.map((r) => r.year))] } },
      }),
      desired,
      key: (m) => `${m.regionCode}|${m.year}|${m.quarter}`,
      insert: (data) => tx.regionalJobMeasurement.createMany({ data }),
      update: ({ regionCode, year, quarter, ...data }) =>
        tx.regionalJobMeasurement.update({ where: { regionCode_year_quarter: { regionCode, year, quarter } }, data }),
    });
  },
};

export const UWV_IMPORTS = { "regional-jobs": regionalJobs } as const;
