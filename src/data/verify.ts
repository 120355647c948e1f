// `npm run data -- verify`: stored sums against the published national figures, and synthetic sums
// against the totals they were generated to match, every difference.
import type DataLoader from "dataloader";
import type { Dec } from "../domain/decimal.ts";
import type { SourceModel, SourceRef } from "../common/source.ts";
import { sourceLeaves } from "../common/source-refs.ts";
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
import { createUwvLoaders } from "../subgraphs/uwv/loaders.ts";
import { regionalTotals } from "../subgraphs/uwv/regional-jobs.ts";

/**
 * What a stored sum or a reference figure rests on: REAL when none of its sources is synthetic,
 * SYNTHETIC when all are, MIXED when real and generated figures were added together.
 */
export type Basis = "REAL" | "SYNTHETIC" | "MIXED";

type Loader = DataLoader<string, SourceModel | null>;

export interface Check {
  what: string;
  /** stored sum, as shown */
  stored: string;
  /** the national figure it is compared with, as shown */
  reference: string;
  difference: string;
  ok: boolean;
  storedBasis: Basis;
  referenceBasis: Basis;
}

/** The basis of a value from the kinds of the stored sources it rests on. */
export function basisOf(kinds: readonly string[]): Basis {
  const synthetic = kinds.filter((k) => k === "SYNTHETIC").length;
  if (synthetic === 0) return "REAL";
  return synthetic === kinds.length ? "SYNTHETIC" : "MIXED";
}

/**
 * Only a real stored sum against a real published figure checks the data against the official
 * record; anything involving generated figures only shows that the generator met its totals.
 */
export const isOfficialCheck = (c: Check) => c.storedBasis === "REAL" && c.referenceBasis === "REAL";

/**
 * A difference is a failure when the stored sum is all real (the data disagree with the record) or
 * all synthetic (the generator missed its total). A sum of real and synthetic figures is expected to
 * differ once real figures have replaced some synthetic ones: reported, not failed.
 */
export const isFailure = (c: Check) => !c.ok && c.storedBasis !== "MIXED";

/**
 * The bases of a stored sum and of the figure it is compared with. Sources the sum shares with the
 * reference (a published part spread over municipalities by synthetic shares) say nothing of what
 * was stored per municipality, so the sum's basis is taken from the others.
 */
export async function basesOf(
  stored: SourceRef,
  reference: SourceRef,
  loader: Loader,
): Promise<{ storedBasis: Basis; referenceBasis: Basis }> {
  const kinds = async (leaves: (string | SourceModel)[]) =>
    (await Promise.all(leaves.map((l) => (typeof l === "string" ? loader.load(l) : l)))).map((s) => s?.kind ?? "UNKNOWN");
  const referenceLeaves = sourceLeaves([reference]);
  const storedLeaves = sourceLeaves([stored]);
  const shared = new Set(referenceLeaves);
  const own = storedLeaves.filter((l) => !shared.has(l));
  return {
    storedBasis: basisOf(await kinds(own.length > 0 ? own : storedLeaves)),
    referenceBasis: basisOf(await kinds(referenceLeaves)),
  };
}

type Sourced<T> = T & { source: SourceRef };

async function cents(stored: Sourced<{ cents: bigint }>, reference: Sourced<{ cents: bigint }>, what: string, loader: Loader): Promise<Check> {
  return {
    what,
    stored: formatCents(stored.cents),
    reference: formatCents(reference.cents),
    difference: formatCents(stored.cents - reference.cents),
    ok: stored.cents === reference.cents,
    ...(await basesOf(stored.source, reference.source, loader)),
  };
}

async function count(stored: Sourced<{ value: Dec }>, reference: Sourced<{ value: Dec }>, what: string, loader: Loader): Promise<Check> {
  return {
    what,
    stored: stored.value.toString(),
    reference: reference.value.toString(),
    difference: stored.value.sub(reference.value).toString(),
    ok: stored.value.cmp(reference.value) === 0,
    ...(await basesOf(stored.source, reference.source, loader)),
  };
}

/** Every check that has both a stored sum and a national figure to compare it with. */
export async function verify(dbs: { municipal: Database; uwv: Database }, makeProgress: (total: number) => Progress): Promise<Check[]> {
  const m = createMunicipalLoaders(dbs.municipal);
  const u = createUwvLoaders(dbs.uwv);
  const mk = m.source;
  const uk = u.source;
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
      checks.push(await cents(areaBudget(area), macro, `BUIG ${year}: municipal budgets vs the macrobudget (${macro.stage.toLowerCase()})`, mk));
    }
    const published = publishedResult(figures, year);
    const result = area ? areaResult(area, await loadSpent(area, m)) : null;
    if (published && result) {
      checks.push(
        await cents({ cents: result.amount, source: result.source }, { cents: published.amount, source: published.source }, `BUIG ${year}: municipal results vs the published national result`, mk),
      );
    }
    progress.tick();
  }
  for (const year of participation) {
    const { codes, what } = await country(year);
    const [parts, area] = await Promise.all([loadNationalParts(year, m), loadParticipationArea(codes, year, what, m)]);
    if (parts && area) {
      checks.push(await cents(areaSum(area, "total"), partsSum(year, parts), `Participation budget ${year}: municipal allocations vs the published parts`, mk));
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
      checks.push(await count(sumTarget, target, `Sheltered work ${year}: municipal targets vs the national target`, mk));
    }
    if (realised && sumRealised) {
      checks.push(await count(sumRealised, realised, `Sheltered work ${year}: places realised vs the national figure`, mk));
    }
    progress.tick();
  }
  for (const year of [2012, ...years]) {
    const totals = await regionalTotals(year, 4, u);
    if (totals?.publishedNationalJobs) {
      checks.push(await count(totals.jobs, totals.publishedNationalJobs, `Job agreement ${year}: regional jobs vs the national jobs`, uk));
    }
    progress.tick();
  }
  progress.done();
  return checks;
}
