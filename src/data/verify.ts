// `npm run data -- verify`: stored figures against the official national totals, every difference.
import type { Dec } from "../domain/decimal.ts";
import { formatCents } from "../domain/money.ts";
import type { Database } from "../db/database.ts";
import type { Progress } from "../common/progress.ts";
import { buigNationalYear, buigYears, nationalParticipation, participationYears } from "../subgraphs/municipal/budgets.ts";
import { createContext as municipalContext } from "../subgraphs/municipal/context.ts";
import { nationalPlaces } from "../subgraphs/municipal/sheltered-work.ts";
import { createContext as uwvContext } from "../subgraphs/uwv/context.ts";
import { regionalTotals } from "../subgraphs/uwv/regional-jobs.ts";

export interface Check {
  what: string;
  /** stored sum, as shown */
  stored: string;
  /** the national figure, as shown */
  official: string;
  difference: string;
  ok: boolean;
}

const cents = (stored: bigint, official: bigint, what: string): Check => ({
  what,
  stored: formatCents(stored),
  official: formatCents(official),
  difference: formatCents(stored - official),
  ok: stored === official,
});

const count = (stored: Dec, official: Dec, what: string): Check => ({
  what,
  stored: stored.toString(),
  official: official.toString(),
  difference: stored.sub(official).toString(),
  ok: stored.cmp(official) === 0,
});

/** Every check that has both a stored sum and a national figure to compare it with. */
export async function verify(dbs: { municipal: Database; uwv: Database }, makeProgress: (total: number) => Progress): Promise<Check[]> {
  const m = municipalContext(dbs.municipal);
  const u = uwvContext(dbs.uwv);
  const buig = await buigYears(m);
  const participation = await participationYears(m);
  const years = [...new Set([...buig, ...participation])];
  const progress = makeProgress(buig.length + participation.length + years.length * 2);
  const checks: Check[] = [];

  for (const year of buig) {
    const national = await buigNationalYear(year, m);
    const total = national?.municipalTotal;
    if (national?.macrobudget && total) {
      checks.push(cents(total.budget.cents, national.macrobudget.cents, `BUIG ${year}: municipal budgets vs the macrobudget (${national.macrobudget.stage.toLowerCase()})`));
    }
    if (national?.publishedResult && total?.result) {
      checks.push(cents(total.result.amount, national.publishedResult.amount, `BUIG ${year}: municipal results vs the published national result`));
    }
    progress.tick();
  }
  for (const year of participation) {
    const national = await nationalParticipation(year, m);
    if (national?.municipalTotal) {
      checks.push(cents(national.municipalTotal.total.cents, national.partsSum.cents, `Participation budget ${year}: municipal allocations vs the published parts`));
    }
    progress.tick();
  }
  for (const year of years) {
    const places = await nationalPlaces(year, m);
    if (places?.publishedTarget && places.municipalTotal?.target) {
      checks.push(count(places.municipalTotal.target.value, places.publishedTarget.value, `Sheltered work ${year}: municipal targets vs the national target`));
    }
    if (places?.publishedRealised && places.municipalTotal?.realised) {
      checks.push(count(places.municipalTotal.realised.value, places.publishedRealised.value, `Sheltered work ${year}: places realised vs the national figure`));
    }
    progress.tick();
  }
  for (const year of [2012, ...years]) {
    const totals = await regionalTotals(year, 4, u);
    if (totals?.publishedNationalJobs) {
      checks.push(count(totals.jobs.value, totals.publishedNationalJobs.value, `Job agreement ${year}: regional jobs vs the national jobs`));
    }
    progress.tick();
  }
  progress.done();
  return checks;
}
