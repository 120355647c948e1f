import { Dec } from "../../domain/decimal.ts";
import { jobsFromHours } from "../../domain/job-agreement.ts";
import { regionalFigures } from "../../domain/regional-jobs.ts";
import { computedRef, type SourceRef } from "../../common/source.ts";
import { JOB_AGREEMENT, publishedNationalJobs } from "./job-agreement.ts";
import type { UwvLoaders } from "./loaders.ts";
import type { JobCountModel, JobGrowthComparisonModel, RegionalJobTotalsModel, RegionalJobsModel } from "./models.ts";

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

/** The published growth figures: year-end to year-end (job_growth), and a quarter on a year before. */
const GROWTH = [
  {
    metric: "job_growth",
    pattern: /^(\d{4})-(\d{4})$/,
    ends: (m: RegExpExecArray) => [
      [+m[1]!, 4],
      [+m[2]!, 4],
    ],
  },
  {
    metric: "jobs_growth_q2_yoy",
    pattern: /^(\d{4})Q([1-4])$/,
    ends: (m: RegExpExecArray) => [
      [+m[1]! - 1, +m[2]!],
      [+m[1]!, +m[2]!],
    ],
  },
] as const;

/** Each published national growth beside the regional figures' growth over the same period. */
export async function growthComparisons(loaders: UwvLoaders): Promise<JobGrowthComparisonModel[]> {
  const figures = await loaders.figures.load(JOB_AGREEMENT);
  const out: JobGrowthComparisonModel[] = [];
  for (const kind of GROWTH) {
    for (const f of figures.filter((f) => f.metric === kind.metric && f.dimension === "total")) {
      const m = kind.pattern.exec(f.period);
      if (!m) continue;
      const [[fromYear, fromQuarter], [toYear, toQuarter]] = kind.ends(m) as [[number, number], [number, number]];
      const published: JobCountModel = { value: Dec.of(f.valueText), qualifier: f.qualifier, source: f.sourceId };
      const pct = figures.find((p) => p.metric === `${kind.metric}_pct` && p.period === f.period) ?? null;
      const [from, to] = await Promise.all([
        regionalTotals(fromYear, fromQuarter, loaders),
        regionalTotals(toYear, toQuarter, loaders),
      ]);
      const regionalGrowth: JobCountModel | null =
        from && to
          ? {
              value: to.jobs.value.sub(from.jobs.value),
              qualifier: "STATED",
              source: computedRef(
                `Job agreement: regional growth ${fromYear}Q${fromQuarter}–${toYear}Q${toQuarter}`,
                [to.jobs.source as SourceRef, from.jobs.source as SourceRef],
                "Regions summed at the end minus regions summed at the start",
              ),
            }
          : null;
      out.push({
        period: f.period,
        fromPeriod: `${fromYear}Q${fromQuarter}`,
        toPeriod: `${toYear}Q${toQuarter}`,
        published,
        publishedPercent: pct?.valueText ?? null,
        impliedStartJobs: pct
          ? {
              value: published.value.mul(Dec.of(100)).div(Dec.of(pct.valueText), 0),
              qualifier: "ABOUT",
              source: computedRef(
                `Job agreement: jobs at ${fromYear}Q${fromQuarter} implied by the published growth`,
                [f.sourceId, pct.sourceId],
                `Growth ${f.valueText} ÷ ${pct.valueText} %, about: the percentage is rounded`,
              ),
            }
          : null,
        regionalGrowth,
        difference: regionalGrowth ? regionalGrowth.value.sub(published.value) : null,
      });
    }
  }
  return out;
}
