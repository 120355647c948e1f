import { Dec } from "./decimal.ts";
import { jobsFromHours } from "./job-agreement.ts";

export interface Measurement {
  year: number;
  /** 1–4; 4 is the end-of-year measurement */
  quarter: number;
  paidHoursPerWeek: Dec;
  sourceId: string;
}

export interface RegionalFigure extends Measurement {
  jobs: Dec;
  baselineJobs: Dec | null;
  extraJobs: Dec | null;
  changeOnPreviousYear: Dec | null;
  changeOnPreviousQuarter: Dec | null;
}

export const BASELINE = { year: 2012, quarter: 4 };

/**
 * One region's measurements turned into job figures: jobs from hours, extra jobs against the
 * region's own baseline (end of 2012), and growth on the end of the previous year and on the
 * previous quarter.
 */
export function regionalFigures(measurements: readonly Measurement[]): RegionalFigure[] {
  const jobs = new Map(measurements.map((m) => [`${m.year}Q${m.quarter}`, jobsFromHours(m.paidHoursPerWeek)]));
  const baseline = jobs.get(`${BASELINE.year}Q${BASELINE.quarter}`) ?? null;
  return [...measurements]
    .sort((a, b) => a.year - b.year || a.quarter - b.quarter)
    .map((m) => {
      const own = jobs.get(`${m.year}Q${m.quarter}`)!;
      const lastYear = jobs.get(`${m.year - 1}Q4`);
      const previousQuarter = m.quarter === 1 ? jobs.get(`${m.year - 1}Q4`) : jobs.get(`${m.year}Q${m.quarter - 1}`);
      return {
        ...m,
        jobs: own,
        baselineJobs: baseline,
        extraJobs: baseline ? own.sub(baseline) : null,
        changeOnPreviousYear: lastYear ? own.sub(lastYear) : null,
        changeOnPreviousQuarter: previousQuarter ? own.sub(previousQuarter) : null,
      };
    });
}

export const periodLabel = (year: number, quarter: number) => `${year}Q${quarter}`;
