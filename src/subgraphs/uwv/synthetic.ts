// SYNTHETIC regional job-agreement figures for development and load tests, deterministic for a seed:
// per region and quarter, whole jobs (as paid hours, 25.5 a job) that sum exactly to the national
// total of every year-end the letters publish, and to a made-up national series in between.
import type { Database } from "../../db/database.ts";
import { allocateExactly } from "../../domain/allocation.ts";
import { Dec } from "../../domain/decimal.ts";
import { HOURS_PER_JOB } from "../../domain/job-agreement.ts";
import { BASELINE } from "../../domain/regional-jobs.ts";
import { permille, randomFor } from "../../domain/random.ts";
import { readOfficialFigures, type FigureRow, type SourceRow } from "../../common/official-figures/read.ts";
import { syncSources } from "../../common/official-figures/seed.ts";
import { besideReal, SYNTHETIC_PREFIX } from "../../common/synthetic.ts";
import { addCounts, syncRows, type SyncCounts } from "../../common/sync.ts";
import type { RegionalJobMeasurementModel } from "../../generated/prisma/models.ts";
import { areaHistoryOf } from "../../common/area-history-rows.ts";
import { readReferenceData } from "../../common/reference-data.ts";
import { syntheticWeights, type Weighted } from "../../common/synthetic-weights.ts";

export interface NationalPoint {
  year: number;
  jobs: number;
  /** published: as printed; derived: computed from published figures; synthetic: made up */
  basis: "published" | "derived" | "synthetic";
}

const value = (figures: FigureRow[], metric: string, period: string) =>
  figures.find((f) => f.metric === metric && f.period === period && f.dimension === "total") ?? null;

/** National jobs at the end of each year: published, derived from published changes, else interpolated. */
export function nationalYearEnds(figures: FigureRow[], years: number[], seed: number): NationalPoint[] {
  const known = new Map<number, NationalPoint>();
  const baseline = value(figures, "baseline_jobs", "2012");
  if (baseline) known.set(2012, { year: 2012, jobs: Number(baseline.value), basis: "published" });
  for (const f of figures.filter(
    (f) => f.metric === "total_jobs" && f.dimension === "total" && /^\d{4}$/.test(f.period),
  )) {
    const year = Number(f.period);
    known.set(year, { year, jobs: Number(f.value), basis: "published" });
    const change = value(figures, "extra_jobs_change_vs_previous_year", f.period);
    if (change && !known.has(year - 1))
      known.set(year - 1, { year: year - 1, jobs: Number(f.value) - Number(change.value), basis: "derived" });
  }
  for (const f of figures.filter(
    (f) => f.metric === "extra_jobs" && f.dimension === "total" && /^\d{4}$/.test(f.period),
  )) {
    const year = Number(f.period);
    if (baseline && !known.has(year))
      known.set(year, { year, jobs: Number(baseline.value) + Number(f.value), basis: "derived" });
  }
  // published growth between two year-ends (job_growth, e.g. 2015-2017 +15,847 = +16.5 %): the start
  // follows from growth ÷ percentage, the end from start + growth, so the regions sum to the publication
  for (const growth of figures.filter((f) => f.metric === "job_growth" && f.dimension === "total")) {
    const m = /^(\d{4})-(\d{4})$/.exec(growth.period);
    if (!m) continue;
    const [from, to] = [Number(m[1]), Number(m[2])];
    const pct = value(figures, "job_growth_pct", growth.period);
    const jobs = Number(growth.value);
    if (known.has(from) && !known.has(to)) {
      known.set(to, { year: to, jobs: known.get(from)!.jobs + jobs, basis: "derived" });
    } else if (!known.has(from) && known.has(to)) {
      known.set(from, { year: from, jobs: known.get(to)!.jobs - jobs, basis: "derived" });
    } else if (!known.has(from) && !known.has(to) && pct) {
      const start = Math.round((jobs * 100) / Number(pct.value));
      known.set(from, { year: from, jobs: start, basis: "derived" });
      known.set(to, { year: to, jobs: start + jobs, basis: "derived" });
    }
  }
  const anchors = [...known.values()].sort((a, b) => a.year - b.year);
  return [...new Set([2012, ...years])]
    .sort((a, b) => a - b)
    .map((year) => {
      const exact = known.get(year);
      if (exact) return exact;
      const before = anchors.filter((a) => a.year < year).at(-1);
      const after = anchors.find((a) => a.year > year);
      const r = randomFor(seed, "national", year)();
      let jobs: number;
      if (before && after)
        jobs = before.jobs + ((after.jobs - before.jobs) * (year - before.year)) / (after.year - before.year);
      else if (before) jobs = before.jobs + 5_000 * (year - before.year);
      else jobs = after!.jobs - 5_000 * (after!.year - year);
      return { year, jobs: Math.round(jobs * (0.99 + 0.02 * r)), basis: "synthetic" };
    });
}

export function syntheticSourceId(seed: number) {
  return `${SYNTHETIC_PREFIX}uwv-seed-${seed}`;
}

type WeightedRegion = Weighted;

export function generateSyntheticRegional(
  input: {
    /** the regions with a weight: the same every year, or those of each year's classification */
    regions: readonly WeightedRegion[] | ((year: number) => readonly WeightedRegion[]);
    figures: FigureRow[];
  },
  options: { seed: number; years: number[] },
): { source: SourceRow; measurements: RegionalJobMeasurementModel[]; national: NationalPoint[] } {
  const sourceId = syntheticSourceId(options.seed);
  const national = nationalYearEnds(input.figures, options.years, options.seed);
  const years = national.map((n) => n.year);
  const source: SourceRow = {
    id: sourceId,
    publisher: "nl-work-graph synthetic data generator",
    document: `Synthetic job-agreement figures per labour-market region and quarter, seed ${options.seed}, ${years[0]}–${years.at(-1)}`,
    url: null,
    date: String(years.at(-1)),
    kind: "SYNTHETIC",
    license: null,
    note:
      "SYNTHETIC: generated for development and load tests, not real data. At every year-end the regions sum exactly to the " +
      "national jobs as published (2012, 2021), as derived from published changes (2016, 2020) and growth (2015 and 2017 from " +
      "+15,847 = +16.5 %), or to a made-up national series; Q2 2017 is Q2 2016 + 11,706 as published.",
  };
  const regionsOf = (year: number) =>
    [...(typeof input.regions === "function" ? input.regions(year) : input.regions)].sort((a, b) =>
      a.code.localeCompare(b.code),
    );
  // each region's weight: population × a lasting factor × a small yearly drift
  const lasting = (code: string) => permille(randomFor(options.seed, "region", code), 700, 1300);
  // national totals per quarter: the year-ends, and made-up steps in between
  const totals = new Map<string, number>();
  national.forEach((point, i) => {
    const previous = national[i - 1];
    const quarters = point.year === BASELINE.year || !previous || previous.year !== point.year - 1 ? [4] : [1, 2, 3, 4];
    for (const quarter of quarters) {
      totals.set(
        `${point.year}Q${quarter}`,
        quarter === 4
          ? point.jobs
          : Math.round(
              previous!.jobs +
                ((point.jobs - previous!.jobs) * quarter) / 4 +
                (randomFor(options.seed, "quarter", point.year, quarter)() - 0.5) * 400,
            ),
      );
    }
  });
  // published growth of a quarter on the same quarter a year before (2017Q2: +11,706) holds exactly
  for (const growth of input.figures.filter((f) => f.metric === "jobs_growth_q2_yoy" && f.dimension === "total")) {
    const m = /^(\d{4})Q([1-3])$/.exec(growth.period);
    const before = m ? totals.get(`${Number(m[1]) - 1}Q${m[2]}`) : undefined;
    if (m && before !== undefined && totals.has(growth.period))
      totals.set(growth.period, before + Number(growth.value));
  }
  const measurements: RegionalJobMeasurementModel[] = [];
  national.forEach((point) => {
    const regions = regionsOf(point.year);
    for (const quarter of [1, 2, 3, 4]) {
      const total = totals.get(`${point.year}Q${quarter}`);
      if (total === undefined) continue;
      const weights = regions.map(
        (r) =>
          BigInt(r.population) *
          lasting(r.code) *
          permille(randomFor(options.seed, "drift", r.code, point.year, quarter), 970, 1030),
      );
      allocateExactly(BigInt(total), weights).forEach((jobs, j) => {
        measurements.push({
          regionCode: regions[j]!.code,
          year: point.year,
          quarter,
          paidHoursPerWeek: Dec.of(jobs).mul(HOURS_PER_JOB).toString() as never,
          sourceId,
        });
      });
    }
  });
  return { source, measurements, national };
}

/**
 * The regions of each year's classification (before 2015, when the classifications begin, those of
 * 2015), weighted by the synthetic population weights of their members that year: Food Valley is AM31
 * until 2024 and AM38 from 2025, as the classifications have it.
 */
export function regionsByYear(reference = readReferenceData()): (year: number) => WeightedRegion[] {
  const history = areaHistoryOf(reference);
  const weights = syntheticWeights(reference);
  const first = history.membershipYears.from;
  return (year) => {
    const y = Math.max(year, first);
    const weight = new Map(weights(y).map((w) => [w.code, w.population]));
    return history.regionCodesIn(y).map((code) => ({
      code,
      population: history.membersOf(code, y).reduce((sum, m) => sum + (weight.get(m) ?? 0), 0),
    }));
  };
}

/** Stores synthetic regional figures beside real ones, never over them; a second run changes nothing. */
export async function storeSyntheticUwv(db: Database, options: { seed: number; years: number[] }): Promise<SyncCounts> {
  const out = generateSyntheticRegional({ regions: regionsByYear(), figures: readOfficialFigures("uwv") }, options);
  const key = (m: { regionCode: string; year: number; quarter: number }) => `${m.regionCode}|${m.year}|${m.quarter}`;
  return db.prisma.$transaction(
    async (tx) => {
      const sources = await syncSources(tx.uwvSource, [out.source]);
      const stored = await tx.regionalJobMeasurement.findMany({
        where: { year: { in: [...new Set(out.measurements.map((m) => m.year))] } },
      });
      const rows = await syncRows({
        ...besideReal(stored, out.measurements, key),
        key,
        insert: (data) => tx.regionalJobMeasurement.createMany({ data }),
        update: ({ regionCode, year, quarter, ...data }) =>
          tx.regionalJobMeasurement.update({ where: { regionCode_year_quarter: { regionCode, year, quarter } }, data }),
      });
      return addCounts(sources, rows);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
