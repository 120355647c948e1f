import { Dec } from "../../domain/decimal.ts";
import { jobsFromHours } from "../../domain/job-agreement.ts";
import { regionalFigures } from "../../domain/regional-jobs.ts";
import { computedFrom } from "../../common/source-refs.ts";
import type { Context } from "./context.ts";
import { publishedNationalJobs } from "./job-agreement.ts";
import type { RegionalJobTotalsModel, RegionalJobsModel } from "./models.ts";

/** Every figure of one region, oldest first. */
export async function regionSeries(regionCode: string, ctx: Context): Promise<RegionalJobsModel[]> {
  const rows = await ctx.loaders.regionalMeasurements.load(regionCode);
  return regionalFigures(
    rows.map((r) => ({
      year: r.year,
      quarter: r.quarter,
      paidHoursPerWeek: Dec.of(r.paidHoursPerWeek.toString()),
      sourceId: r.sourceId,
    })),
  );
}

/** Sum over the regions of one period, beside the published national figure. */
export async function regionalTotals(
  year: number,
  quarter: number,
  ctx: Context,
): Promise<RegionalJobTotalsModel | null> {
  const rows = await ctx.loaders.periodMeasurements.load(`${year}|${quarter}`);
  if (rows.length === 0) return null;
  const hours = rows.reduce((sum, r) => sum.add(Dec.of(r.paidHoursPerWeek.toString())), Dec.of(0));
  const jobs = jobsFromHours(hours);
  const published = quarter === 4 ? await publishedNationalJobs(year, ctx) : null;
  return {
    year,
    quarter,
    regionCount: rows.length,
    jobs: {
      value: jobs,
      qualifier: "STATED",
      source: await computedFrom(
        `Job agreement ${year}Q${quarter}: regions summed`,
        [...new Set(rows.map((r) => r.sourceId))],
        ctx.loaders.source,
        `Paid hours of ${rows.length} regions summed, ÷ 25.5`,
      ),
    },
    publishedNationalJobs: published,
    difference: published ? jobs.sub(published.value) : null,
  };
}
