import { Dec } from "../../domain/decimal.ts";
import { jobsFromHours } from "../../domain/job-agreement.ts";
import { regionalFigures } from "../../domain/regional-jobs.ts";
import { computedRef } from "../../common/source.ts";
import { JOB_AGREEMENT, publishedNationalJobs } from "./job-agreement.ts";
import type { UwvLoaders } from "./loaders.ts";
import type { RegionalJobTotalsModel, RegionalJobsModel } from "./models.ts";

/** Every figure of one region, oldest first. */
export async function regionSeries(regionCode: string, loaders: UwvLoaders): Promise<RegionalJobsModel[]> {
  const rows = await loaders.regionalMeasurements.load(regionCode);
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
  loaders: UwvLoaders,
): Promise<RegionalJobTotalsModel | null> {
  const rows = await loaders.periodMeasurements.load(`${year}|${quarter}`);
  if (rows.length === 0) return null;
  const hours = rows.reduce((sum, r) => sum.add(Dec.of(r.paidHoursPerWeek.toString())), Dec.of(0));
  const jobs = jobsFromHours(hours);
  const published = quarter === 4 ? publishedNationalJobs(year, await loaders.figures.load(JOB_AGREEMENT)) : null;
  return {
    year,
    quarter,
    regionCount: rows.length,
    jobs: {
      value: jobs,
      qualifier: "STATED",
      source: computedRef(
        `Job agreement ${year}Q${quarter}: regions summed`,
        [...new Set(rows.map((r) => r.sourceId))],
        `Paid hours of ${rows.length} regions summed, ÷ 25.5`,
      ),
    },
    publishedNationalJobs: published,
    difference: published ? jobs.sub(published.value) : null,
  };
}
