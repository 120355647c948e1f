// `npm run data -- export <table>`: a computed table as CSV, with each row's source kind.
import { stringify } from "csv-stringify/sync";
import { formatCents } from "../domain/money.ts";
import type { Database } from "../db/database.ts";
import type { Progress } from "../common/progress.ts";
import { regionArea } from "../subgraphs/municipal/areas.ts";
import {
  areaBudget,
  areaResult,
  areaSafetyNetPayments,
  areaSpending,
  loadArea,
  loadSpent,
  municipalResult,
  municipalSafetyNet,
  sortedBudgets,
} from "../subgraphs/municipal/buig.ts";
import { createMunicipalLoaders } from "../subgraphs/municipal/loaders.ts";
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
  const m = createMunicipalLoaders(dbs.municipal.prisma);
  const u = uwvContext(dbs.uwv);
  const rows: Record<string, string>[] = [];
  if (table === "buig-municipalities" || table === "buig-regions") {
    const history = await m.areaHistory();
    const names = new Map(
      (await dbs.municipal.prisma.municipalArea.findMany({ select: { municipalityCode: true, name: true } })).map((a) => [
        a.municipalityCode,
        a.name,
      ]),
    );
    const keysOf = (year: number) => (table === "buig-regions" ? history.regionCodesIn(year) : history.codesIn(year));
    const progress = makeProgress(options.years.reduce((n, year) => n + keysOf(year).length, 0));
    for (const year of options.years) {
      for (const key of keysOf(year)) {
        if (table === "buig-regions") {
          const { codes, what } = await regionArea(key, year, m);
          const area = await loadArea(codes, year, what, m);
          if (area) {
            const spent = await loadSpent(area, m);
            const budget = areaBudget(area);
            const result = areaResult(area, spent);
            rows.push({
              region_code: key, year: String(year), municipalities: String(area.members.length), budget_eur: euros(budget.cents),
              spending_eur: euros(areaSpending(area, spent)?.cents), result_eur: euros(result?.amount), result_percent: text(result?.percentOfBudget),
              safety_net_eur: euros(areaSafetyNetPayments(area, spent, await m.rule.load(year))?.cents),
              source_kind: (await resolveSourceRef(budget.source, m.source)).kind,
            });
          }
        } else {
          const budget = sortedBudgets(await m.budgets.load(`${key}|${year}`)).at(-1);
          if (budget) {
            const [spending, rule] = await Promise.all([m.spending.load(`${key}|${year}`), m.rule.load(year)]);
            const result = spending ? municipalResult(key, budget, spending) : null;
            rows.push({
              municipality_code: key, name: names.get(key) ?? "", year: String(year), stage: budget.stage, budget_eur: euros(budget.amountCents),
              spending_eur: euros(spending?.amountCents), result_eur: euros(result?.amount), result_percent: text(result?.percentOfBudget),
              safety_net_eur: euros(spending && rule ? municipalSafetyNet(key, budget, spending, rule).payment : null),
              source_kind: (await resolveSourceRef(budget.sourceId, m.source)).kind,
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
