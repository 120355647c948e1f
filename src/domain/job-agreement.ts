import { Dec, ZERO } from "./decimal.ts";

/**
 * The job agreement's (banenafspraak) arithmetic: jobs from paid hours, hired jobs allocated to the
 * sectors by that year's key, extra jobs against the 2012 baseline, and the distance to the target.
 */
export const HOURS_PER_JOB = Dec.of("25.5");

/** The baseline measurement (nulmeting) that extra jobs are counted against. */
export const BASELINE_YEAR = 2012;

/** jobs = paid hours per week ÷ 25.5, to two decimals */
export function jobsFromHours(paidHoursPerWeek: Dec): Dec {
  return paidHoursPerWeek.div(HOURS_PER_JOB, 2);
}

export type Sector = "MARKET" | "GOVERNMENT";

/**
 * Extra hired jobs (inleenverbanden) of a sector: this year's hired jobs × this year's key minus the
 * baseline's hired jobs × the baseline's key. 2021 market: 41,993 × 0.68 − 36,206 × 0.760 = 1,038.68.
 */
export function hiredExtraJobs(hired: Dec, key: Dec, baselineHired: Dec, baselineKey: Dec): Dec {
  return hired.mul(key).sub(baselineHired.mul(baselineKey));
}

export interface TargetOutcome {
  /** max(0, target − realised) */
  shortfall: Dec;
  /** max(0, realised − target) */
  surplus: Dec;
  /** realised ÷ target × 100, two decimals */
  progressPercent: Dec | null;
  met: boolean;
}

export function againstTarget(realised: Dec, target: Dec): TargetOutcome {
  const gap = target.sub(realised);
  return {
    shortfall: gap.max(ZERO),
    surplus: realised.sub(target).max(ZERO),
    progressPercent: target.isZero() ? null : realised.mul(Dec.of(100)).div(target, 2),
    met: realised.cmp(target) >= 0,
  };
}

/** part ÷ whole × 100, rounded once to `places` decimals; null when whole is zero */
export function percentOf(part: Dec, whole: Dec, places = 2): Dec | null {
  return whole.isZero() ? null : part.mul(Dec.of(100)).div(whole, places);
}

/** The quota levy (quotumheffing) over a sector: missing jobs × the levy per job, rounded to the cent. */
export function quotaLevyCents(missingJobs: Dec, levyPerJobCents: bigint): bigint {
  return missingJobs.mul(Dec.of(levyPerJobCents)).round(0).value;
}
