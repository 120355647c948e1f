// The national job-agreement table of a year: published values as stored, the derived ones computed
// from their inputs (hired jobs × allocation keys, direct + hired, against the target), both shown.
// Plain functions of the published figures and the quota rules: arithmetic on a few dozen numbers,
// with each derived value's source left to resolve only when a client asks for it.
import { Dec } from "../../domain/decimal.ts";
import {
  againstTarget,
  BASELINE_YEAR,
  HOURS_PER_JOB,
  hiredExtraJobs,
  percentOf,
  type Sector,
} from "../../domain/job-agreement.ts";
import { combineQualifiers } from "../../domain/macrobudget.ts";
import { figureFilterKey } from "../../common/official-figures/loaders.ts";
import { computedRef, type SourceRef } from "../../common/source.ts";
import type { UwvFigureModel } from "../../generated/prisma/models.ts";
import { levyAmount, levyPerJobAmount, loadQuotaInputs, quotaStatement, type QuotaInputs } from "./quota.ts";
import type { UwvLoaders } from "./loaders.ts";
import type { JobAgreementYearModel, JobCountModel, QuotaOutcomeModel, SectorResultModel } from "./models.ts";

export const JOB_AGREEMENT = figureFilterKey({ topic: "banenafspraak" });
/** The metrics of the yearly measurement and its targets (not persons, profiles or growth series). */
const MEASUREMENT_METRICS = new Set([
  "target_extra_jobs",
  "baseline_jobs",
  "baseline_jobs_via_hire",
  "hire_allocation_key",
  "jobs_via_hire",
  "extra_jobs_formal",
  "extra_jobs_via_hire",
  "extra_jobs",
  "extra_jobs_change_vs_previous_year",
  "extra_jobs_formal_change_vs_previous_year",
  "total_jobs",
]);
const DIMENSION: Record<Sector | "TOTAL", string> = { MARKET: "market", GOVERNMENT: "government", TOTAL: "total" };
const OTHER: Record<Sector, Sector> = { MARKET: "GOVERNMENT", GOVERNMENT: "MARKET" };

type Figures = UwvFigureModel[];

const find = (figures: Figures, metric: string, year: number, dimension: string) =>
  figures.find((f) => f.metric === metric && f.period === String(year) && f.dimension === dimension) ?? null;

const count = (figure: UwvFigureModel | null): JobCountModel | null =>
  figure ? { value: Dec.of(figure.valueText), qualifier: figure.qualifier, source: figure.sourceId } : null;

interface Builder {
  year: number;
  figures: Figures;
  quota: QuotaInputs;
}

function derived(b: Builder, value: Dec, inputs: (JobCountModel | null)[], what: string, note: string): JobCountModel {
  const present = inputs.filter((i): i is JobCountModel => i !== null);
  return {
    value,
    qualifier: combineQualifiers(present.map((i) => i.qualifier)),
    source: computedRef(
      `Job agreement ${b.year}: ${what}`,
      present.map((i) => i.source as SourceRef),
      note,
    ),
  };
}

/** The allocation key of a sector; when only the other sector's is published, 1 minus that one. */
function allocationKey(b: Builder, year: number, sector: Sector): JobCountModel | null {
  const own = count(find(b.figures, "hire_allocation_key", year, DIMENSION[sector]));
  if (own) return own;
  const other = count(find(b.figures, "hire_allocation_key", year, DIMENSION[OTHER[sector]]));
  return other
    ? derived(
        b,
        Dec.of(1).sub(other.value),
        [other],
        `${sector.toLowerCase()} allocation key`,
        "1 minus the other sector's key",
      )
    : null;
}

function sectorResult(
  b: Builder,
  sector: Sector | "TOTAL",
  hired: { hiredJobs: JobCountModel | null; baselineHired: JobCountModel | null },
  parts: SectorResultModel[],
): SectorResultModel {
  const dimension = DIMENSION[sector];
  // a level not published for the year, but following from next year's level and its published change
  const fromNextYear = (metric: string, changeMetric: string, what: string): JobCountModel | null => {
    const next = count(find(b.figures, metric, b.year + 1, dimension));
    const change = count(find(b.figures, changeMetric, b.year + 1, dimension));
    return next && change
      ? derived(
          b,
          next.value.sub(change.value),
          [next, change],
          `${what}, ${dimension}, from ${b.year + 1}`,
          `The ${b.year + 1} figure ${next.value} minus its published change of ${change.value} on ${b.year}`,
        )
      : null;
  };
  const direct =
    count(find(b.figures, "extra_jobs_formal", b.year, dimension)) ??
    fromNextYear("extra_jobs_formal", "extra_jobs_formal_change_vs_previous_year", "extra jobs in direct employment");
  const publishedHired = count(find(b.figures, "extra_jobs_via_hire", b.year, dimension));
  const publishedExtra = count(find(b.figures, "extra_jobs", b.year, dimension));
  const target = count(find(b.figures, "target_extra_jobs", b.year, dimension));
  const change = count(find(b.figures, "extra_jobs_change_vs_previous_year", b.year, dimension));

  let key: JobCountModel | null = null;
  let baselineKey: JobCountModel | null = null;
  let hiredExtra: JobCountModel | null = null;
  let extra: JobCountModel | null = null;
  const extraFromNextYear = fromNextYear("extra_jobs", "extra_jobs_change_vs_previous_year", "extra jobs");
  if (sector === "TOTAL" && extraFromNextYear) {
    // the published total change gives the total itself (it may differ from the parts' sum by rounding)
    extra = extraFromNextYear;
  } else if (sector === "TOTAL") {
    // the total is the sum of the sectors, so computed totals agree with their parts to the digit
    const hiredParts = parts.map((p) => p.hiredExtraJobs);
    const extraParts = parts.map((p) => p.extraJobs);
    if (hiredParts.every(Boolean)) {
      hiredExtra = derived(
        b,
        hiredParts.reduce((s, p) => s.add(p!.value), Dec.of(0)),
        hiredParts,
        "extra hired jobs, total",
        "Sum of the sectors",
      );
    }
    if (extraParts.every(Boolean)) {
      extra = derived(
        b,
        extraParts.reduce((s, p) => s.add(p!.value), Dec.of(0)),
        extraParts,
        "extra jobs, total",
        "Sum of the sectors",
      );
    }
  } else {
    key = allocationKey(b, b.year, sector);
    baselineKey = allocationKey(b, BASELINE_YEAR, sector);
    const { hiredJobs, baselineHired } = hired;
    if (hiredJobs && key && baselineHired && baselineKey) {
      hiredExtra = derived(
        b,
        hiredExtraJobs(hiredJobs.value, key.value, baselineHired.value, baselineKey.value),
        [hiredJobs, key, baselineHired, baselineKey],
        `extra hired jobs, ${dimension}`,
        `${hiredJobs.value} hired jobs × key ${key.value} − ${baselineHired.value} at the baseline × key ${baselineKey.value}`,
      );
    }
    if (!(direct && hiredExtra)) {
      extra = extraFromNextYear;
    } else {
      extra = derived(
        b,
        direct.value.add(hiredExtra.value),
        [direct, hiredExtra],
        `extra jobs, ${dimension}`,
        "Direct employment (as published) + hired (computed)",
      );
    }
  }

  const realised = publishedExtra ?? extra;
  let outcome: ReturnType<typeof againstTarget> | null = null;
  let shortfall: JobCountModel | null = null;
  let surplus: JobCountModel | null = null;
  if (realised && target) {
    outcome = againstTarget(realised.value, target.value);
    shortfall = derived(
      b,
      outcome.shortfall,
      [target, realised],
      `shortfall, ${dimension}`,
      "max(0, target − realised extra jobs)",
    );
    surplus = derived(
      b,
      outcome.surplus,
      [target, realised],
      `surplus, ${dimension}`,
      "max(0, realised extra jobs − target)",
    );
  }
  const hiredForShare = hiredExtra ?? publishedHired;
  const quota = sector === "TOTAL" ? null : quotaOutcome(b, sector, shortfall);
  return {
    sector,
    allocationKey: key,
    baselineAllocationKey: baselineKey,
    directExtraJobs: direct,
    hiredExtraJobs: hiredExtra,
    publishedHiredExtraJobs: publishedHired,
    extraJobs: extra,
    publishedExtraJobs: publishedExtra,
    extraJobsDifference: extra && publishedExtra ? extra.value.sub(publishedExtra.value) : null,
    hiredSharePercent: hiredForShare && realised ? percentOf(hiredForShare.value, realised.value) : null,
    target,
    realisedExtraJobs: realised,
    shortfall,
    surplus,
    progressPercent: outcome?.progressPercent ?? null,
    targetMet: outcome?.met ?? null,
    changeOnPreviousYear: change,
    directChangeOnPreviousYear: count(find(b.figures, "extra_jobs_formal_change_vs_previous_year", b.year, dimension)),
    quota,
  };
}

function quotaOutcome(b: Builder, sector: Sector, shortfall: JobCountModel | null): QuotaOutcomeModel {
  const statement = quotaStatement(b.quota.rules, DIMENSION[sector], b.year);
  const ifApplied = shortfall
    ? levyAmount(
        `Quota levy ${b.year}, ${DIMENSION[sector]}, if the quota applied`,
        shortfall.value,
        shortfall.source,
        b.quota.levy,
        "Missing jobs × the levy per missing job of Wfsv art. 38h lid 4; an upper bound, as the levy falls on individual employers below the quota",
      )
    : null;
  return {
    ...statement,
    missingJobs: shortfall?.value ?? null,
    levyPerJob: levyPerJobAmount(b.quota.levy),
    levy: statement.status === "APPLIES" ? ifApplied : null,
    levyIfApplied: ifApplied,
  };
}

/** The table of a year from the published figures and quota rules; null when nothing was measured then. */
export function jobAgreementTable(year: number, figures: Figures, quota: QuotaInputs): JobAgreementYearModel | null {
  const b: Builder = { year, figures, quota };
  const ofYear = figures.filter((f) => f.period === String(year) && MEASUREMENT_METRICS.has(f.metric));
  if (ofYear.length === 0) return null;

  const baselineJobs = count(find(figures, "baseline_jobs", BASELINE_YEAR, "total"));
  const baselineHired = count(find(figures, "baseline_jobs_via_hire", BASELINE_YEAR, "total"));
  const hiredJobs = count(find(figures, "jobs_via_hire", year, "total"));
  const market = sectorResult(b, "MARKET", { hiredJobs, baselineHired }, []);
  const government = sectorResult(b, "GOVERNMENT", { hiredJobs, baselineHired }, []);
  const total = sectorResult(b, "TOTAL", { hiredJobs, baselineHired }, [market, government]);
  const totalJobs =
    baselineJobs && total.extraJobs
      ? derived(
          b,
          baselineJobs.value.add(total.extraJobs.value),
          [baselineJobs, total.extraJobs],
          "all jobs",
          "Baseline jobs + computed extra jobs",
        )
      : null;
  return {
    year,
    hoursPerJob: HOURS_PER_JOB,
    baselineJobs,
    baselineHiredJobs: baselineHired,
    hiredJobs,
    totalJobs,
    publishedTotalJobs: count(find(figures, "total_jobs", year, "total")),
    sectors: [market, government, total],
  };
}

/** Years with a published national figure for a single year (measurements and targets), oldest first. */
export function jobAgreementYearsOf(figures: Figures): number[] {
  const years = figures
    .filter((f) => /^\d{4}$/.test(f.period) && MEASUREMENT_METRICS.has(f.metric))
    .map((f) => Number(f.period));
  return [...new Set(years)].sort((a, b) => a - b);
}

/** All jobs nationally at the end of a year as published: total_jobs, or baseline + extra jobs. */
export function publishedNationalJobs(year: number, figures: Figures): JobCountModel | null {
  if (year === BASELINE_YEAR) return count(find(figures, "baseline_jobs", BASELINE_YEAR, "total"));
  return count(find(figures, "total_jobs", year, "total"));
}

/** The table of a year, reading the figures and rules through the loaders (resolvers, the data CLI). */
export async function loadJobAgreementYear(year: number, loaders: UwvLoaders) {
  const [figures, quota] = await Promise.all([loaders.figures.load(JOB_AGREEMENT), loadQuotaInputs(loaders)]);
  return jobAgreementTable(year, figures, quota);
}

export async function loadJobAgreementYears(loaders: UwvLoaders) {
  return jobAgreementYearsOf(await loaders.figures.load(JOB_AGREEMENT));
}
