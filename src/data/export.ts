// `npm run data -- export <table>`: a computed table as CSV, with each row's source kind.
import { stringify } from "csv-stringify/sync";
import { formatCents } from "../domain/money.ts";
import type { Database } from "../db/database.ts";
import type { Progress } from "../common/progress.ts";
import { municipalBuig, regionBuig } from "../subgraphs/municipal/budgets.ts";
import { createContext as municipalContext } from "../subgraphs/municipal/context.ts";
import { createContext as uwvContext } from "../subgraphs/uwv/context.ts";
import { jobAgreementYear, jobAgreementYears } from "../subgraphs/uwv/job-agreement.ts";
import { regionSeries } from "../subgraphs/uwv/regional-jobs.ts";
import { resolveSourceRef } from "../common/source-refs.ts";

export const EXPORT_TABLES = {
  "buig-municipalities": "BUIG per municipality and year: budget, spending, result, safety-net payment",
  "buig-regions": "BUIG per labour-market region and year, summed over its municipalities",
  "job-agreement": "the national job-agreement table per year and sector: computed beside published",
  "regional-jobs": "job-agreement jobs per labour-market region and quarter",
} as const;
export type ExportTable = keyof typeof EXPORT_TABLES;

const text = (value: { toString(): string } | null | undefined) => (value == null ? "" : value.toString());
const euros = (value: bigint | null | undefined) => (value == null ? "" : formatCents(value));

export async function exportTable(
  table: ExportTable,
  dbs: { municipal: Database; uwv: Database },
  options: { years: number[] },
  makeProgress: (total: number) => Progress,
): Promise<string> {
  const m = municipalContext(dbs.municipal);
  const u = uwvContext(dbs.uwv);
  const rows: Record<string, string>[] = [];
  if (table === "buig-municipalities" || table === "buig-regions") {
    const areas = await m.loaders.members.load("*");
    const keys = table === "buig-regions" ? [...new Set(areas.flatMap((a) => (a.labourMarketRegionCode ? [a.labourMarketRegionCode] : [])))].sort() : areas.map((a) => a.municipalityCode);
    const names = new Map(areas.map((a) => [a.municipalityCode, a.name]));
    const progress = makeProgress(keys.length * options.years.length);
    for (const year of options.years) {
      for (const key of keys) {
        if (table === "buig-regions") {
          const r = await regionBuig(key, year, m);
          if (r) {
            rows.push({
              region_code: key, year: String(year), municipalities: String(r.municipalityCount), budget_eur: euros(r.budget.cents),
              spending_eur: euros(r.spending?.cents), result_eur: euros(r.result?.amount), result_percent: text(r.result?.percentOfBudget),
              safety_net_eur: euros(r.safetyNetPayments?.cents), source_kind: (await resolveSourceRef(r.budget.source, m.loaders.source)).kind,
            });
          }
        } else {
          const b = await municipalBuig(key, year, m);
          if (b) {
            rows.push({
              municipality_code: key, name: names.get(key) ?? "", year: String(year), stage: b.budget.stage, budget_eur: euros(b.budget.cents),
              spending_eur: euros(b.spending?.cents), result_eur: euros(b.result?.amount), result_percent: text(b.result?.percentOfBudget),
              safety_net_eur: euros(b.safetyNet?.payment), source_kind: (await resolveSourceRef(b.budget.source, m.loaders.source)).kind,
            });
          }
        }
        progress.tick();
      }
    }
    progress.done();
  } else if (table === "job-agreement") {
    const years = (await jobAgreementYears(u)).filter((y) => options.years.length === 0 || options.years.includes(y));
    for (const year of years) {
      const y = await jobAgreementYear(year, u);
      for (const s of y?.sectors ?? []) {
        rows.push({
          year: String(year), sector: s.sector, direct_extra: text(s.directExtraJobs?.value), hired_extra: text(s.hiredExtraJobs?.value),
          extra: text(s.extraJobs?.value), published_extra: text(s.publishedExtraJobs?.value), target: text(s.target?.value),
          shortfall: text(s.shortfall?.value), progress_percent: text(s.progressPercent),
        });
      }
    }
  } else {
    const regions = await u.loaders.regions.load("all");
    const progress = makeProgress(regions.length);
    for (const region of regions) {
      for (const f of await regionSeries(region.code, u)) {
        if (options.years.length > 0 && !options.years.includes(f.year) && f.year !== 2012) continue;
        rows.push({
          region_code: region.code, region: region.name, period: `${f.year}Q${f.quarter}`, paid_hours_per_week: f.paidHoursPerWeek.toString(),
          jobs: f.jobs.toString(), extra_jobs: text(f.extraJobs), change_on_previous_year: text(f.changeOnPreviousYear),
          source_kind: (await resolveSourceRef(f.sourceId, u.loaders.source)).kind,
        });
      }
      progress.tick();
    }
    progress.done();
  }
  return stringify(rows, { header: true, columns: rows.length > 0 ? Object.keys(rows[0]!) : [] });
}
