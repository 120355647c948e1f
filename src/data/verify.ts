// `npm run data -- verify`: stored figures against the official national totals, every difference.
import type { Dec } from "../domain/decimal.ts";
import { formatCents } from "../domain/money.ts";
import type { Database } from "../db/database.ts";
import type { Progress } from "../common/progress.ts";
import { countryArea } from "../subgraphs/municipal/areas.ts";
import {
  areaBudget,
  areaResult,
  FIGURE_BUIG,
  loadArea,
  loadBuigYears,
  loadMacrobudgetStages,
  loadSpent,
  publishedResult,
} from "../subgraphs/municipal/buig.ts";
import { createMunicipalLoaders } from "../subgraphs/municipal/loaders.ts";
import {
  areaSum,
  FIGURE_PARTICIPATION,
  loadNationalParts,
  loadParticipationArea,
  participationYears,
  partsSum,
} from "../subgraphs/municipal/participation.ts";
import { loadPlaces, placeCount, placesSum, SHELTERED_WORK, shelteredFigure } from "../subgraphs/municipal/sheltered-work.ts";
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
  const m = createMunicipalLoaders(dbs.municipal.prisma);
  const u = uwvContext(dbs.uwv);
  const buig = await loadBuigYears(m);
  const participation = participationYears(await m.figures.load(FIGURE_PARTICIPATION));
  const years = [...new Set([...buig, ...participation])];
  const progress = makeProgress(buig.length + participation.length + years.length * 2);
  const checks: Check[] = [];
  const country = async (year: number) => countryArea(year, m);

  for (const year of buig) {
    const { codes, what } = await country(year);
    const [area, stages, figures] = await Promise.all([
      loadArea(codes, year, what, m),
      loadMacrobudgetStages(year, m),
      m.figures.load(FIGURE_BUIG),
    ]);
    const macro = stages.at(-1);
    if (macro && area) {
      checks.push(cents(areaBudget(area).cents, macro.cents, `BUIG ${year}: municipal budgets vs the macrobudget (${macro.stage.toLowerCase()})`));
    }
    const published = publishedResult(figures, year);
    const result = area ? areaResult(area, await loadSpent(area, m)) : null;
    if (published && result) {
      checks.push(cents(result.amount, published.amount, `BUIG ${year}: municipal results vs the published national result`));
    }
    progress.tick();
  }
  for (const year of participation) {
    const { codes, what } = await country(year);
    const [parts, area] = await Promise.all([loadNationalParts(year, m), loadParticipationArea(codes, year, what, m)]);
    if (parts && area) {
      checks.push(cents(areaSum(area, "total").cents, partsSum(year, parts).cents, `Participation budget ${year}: municipal allocations vs the published parts`));
    }
    progress.tick();
  }
  for (const year of years) {
    const { codes, what } = await country(year);
    const [places, figures] = await Promise.all([loadPlaces(codes, year, what, m), m.figures.load(SHELTERED_WORK)]);
    const target = placeCount(shelteredFigure(figures, "places_target", String(year)));
    const realised = placeCount(shelteredFigure(figures, "places_realised", String(year)));
    const sumTarget = places ? placesSum(places, "targetPlaces") : null;
    const sumRealised = places ? placesSum(places, "realisedPlaces") : null;
    if (target && sumTarget) {
      checks.push(count(sumTarget.value, target.value, `Sheltered work ${year}: municipal targets vs the national target`));
    }
    if (realised && sumRealised) {
      checks.push(count(sumRealised.value, realised.value, `Sheltered work ${year}: places realised vs the national figure`));
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
