// SYNTHETIC per-municipality BUIG and participation-budget figures for development and load tests,
// deterministic for a seed, and true to the official national totals where they are published:
// budgets sum to the year's macrobudget to the cent, spending to budget minus the national result,
// allocations to each published part of the participation budget.
import { allocateExactly } from "../../domain/allocation.ts";
import { byStage, macrobudgetStagesOf, type BuigStage, type StoredStage } from "../../domain/macrobudget.ts";
import { applyShare, divRound, millionsToCents, shareOf, type Cents } from "../../domain/money.ts";
import { permille, randomFor } from "../../domain/random.ts";
import type { Database } from "../../db/database.ts";
import { readOfficialFigures, type FigureRow, type SourceRow } from "../../common/official-figures/read.ts";
import { syncSources } from "../../common/official-figures/seed.ts";
import { besideReal, SYNTHETIC_PREFIX } from "../../common/synthetic.ts";
import { readReferenceData } from "../../common/reference-data.ts";
import { syntheticWeights, type Weighted } from "../../common/synthetic-weights.ts";
import { addCounts, syncRows, type SyncCounts } from "../../common/sync.ts";
import type {
  BuigBudgetModel,
  BuigMacrobudgetModel,
  BuigSpendingModel,
  ParticipationShareModel,
  ShelteredWorkPlacesModel,
} from "../../generated/prisma/models.ts";

export interface SyntheticOptions {
  seed: number;
  years: number[];
}

export interface SyntheticInput {
  /**
   * the municipalities to generate for, with a weight (their population): the same every year, or
   * those of each year (a year's figures go to the municipalities that existed on its 1 January)
   */
  municipalities: readonly Weighted[] | ((year: number) => readonly Weighted[]);
  /** national macrobudget stages stored from official sources */
  officialMacrobudgets: BuigMacrobudgetModel[];
  /** the official national figures of the municipal subgraph */
  figures: FigureRow[];
}

export interface SyntheticOutput {
  source: SourceRow;
  macrobudgets: BuigMacrobudgetModel[];
  budgets: BuigBudgetModel[];
  spendings: BuigSpendingModel[];
  shares: ParticipationShareModel[];
  places: ShelteredWorkPlacesModel[];
  /** per year: the national result the spending was made to match, and whether it is published */
  results: { year: number; cents: Cents; published: boolean }[];
}

/** Digits of a stored share: enough that macrobudget × share rounds back to the same cent. */
const SHARE_DIGITS = 15;

export function syntheticSourceId(seed: number): string {
  return `${SYNTHETIC_PREFIX}municipal-seed-${seed}`;
}

const figure = (figures: FigureRow[], metric: string, period: string, dimension = "total") =>
  figures.find((f) => f.metric === metric && f.period === period && f.dimension === dimension) ?? null;

export function generateSyntheticMunicipal(input: SyntheticInput, options: SyntheticOptions): SyntheticOutput {
  const sourceId = syntheticSourceId(options.seed);
  const years = [...options.years].sort((a, b) => a - b);
  const source: SourceRow = {
    id: sourceId,
    publisher: "nl-work-graph synthetic data generator",
    document: `Synthetic BUIG and participation-budget figures per municipality, seed ${options.seed}, ${years[0]}–${years.at(-1)}`,
    url: null,
    date: String(years.at(-1)),
    kind: "SYNTHETIC",
    license: null,
    note:
      "SYNTHETIC: generated for development and load tests, not real data. Municipal budgets sum to the year's " +
      "macrobudget to the cent and spending to budget − national result, using the official national figures where published.",
  };
  const stored = (year: number): StoredStage[] =>
    input.officialMacrobudgets
      .filter((m) => m.year === year)
      .map((m) => ({
        stage: m.stage,
        cents: m.amountCents,
        qualifier: m.qualifier,
        sourceId: m.sourceId,
        publishedOn: m.publishedOn,
      }));
  const municipalitiesOf = (year: number) =>
    [...(typeof input.municipalities === "function" ? input.municipalities(year) : input.municipalities)].sort((a, b) =>
      a.code.localeCompare(b.code),
    );

  const out: SyntheticOutput = {
    source,
    macrobudgets: [],
    budgets: [],
    spendings: [],
    shares: [],
    places: [],
    results: [],
  };
  for (const year of years) {
    const municipalities = municipalitiesOf(year);
    // the national macrobudget: official (stored or derived from published changes), else synthetic
    const known = macrobudgetStagesOf(year, stored(year), stored(year + 1), {
      adjustmentOnProvisional: figure(input.figures, "macrobudget_adjustment_vs_provisional", String(year)),
      nextYearIncrease: figure(input.figures, "macrobudget_change_vs_previous_year", String(year + 1)),
    })
      .sort(byStage)
      .at(-1);
    let stage: BuigStage = "DEFINITIVE";
    let macro: Cents;
    if (known) {
      stage = known.stage;
      macro = known.cents;
    } else {
      const r = randomFor(options.seed, "macro", year);
      // about €5.8 bn in 2017, 2.5 % a year apart, ±1 %; whole thousands of euros
      const yearly = 5_800_000_000 * (1 + 0.025 * (year - 2017)) * (0.99 + 0.02 * r());
      macro = BigInt(Math.round(yearly / 1000)) * 100_000n;
      out.macrobudgets.push({
        year,
        stage,
        amountCents: macro,
        // generated, never published: no document states it, and it has no publication date
        qualifier: "NOT_PUBLISHED",
        publishedOn: null,
        sourceId,
        note: "SYNTHETIC",
      });
    }

    // budgets: the macrobudget divided by population × a factor of 0.7–1.3
    const weights = municipalities.map(
      (m) => BigInt(m.population) * permille(randomFor(options.seed, "budget", year, m.code), 700, 1300),
    );
    const budgets = allocateExactly(macro, weights);

    // the national result: published, else −4 % … +3 % of the macrobudget
    const deficit = figure(input.figures, "national_deficit", String(year));
    const surplus = figure(input.figures, "national_surplus", String(year));
    const published = deficit ? -millionsToCents(deficit.value) : surplus ? millionsToCents(surplus.value) : null;
    const result =
      published ?? divRound(macro * (permille(randomFor(options.seed, "result", year), 0, 700) - 400n), 10_000n);
    out.results.push({ year, cents: result, published: published !== null });

    // spending: budget × 0.88–1.18, scaled so that it sums to macrobudget − result
    const spendWeights = budgets.map(
      (b, i) => b * permille(randomFor(options.seed, "spending", year, municipalities[i]!.code), 880, 1180),
    );
    const spendings = allocateExactly(macro - result, spendWeights);

    municipalities.forEach((m, i) => {
      out.budgets.push({
        municipalityCode: m.code,
        year,
        stage,
        amountCents: budgets[i]!,
        share: shareOf(budgets[i]!, macro, SHARE_DIGITS) as never,
        publishedOn: null,
        sourceId,
      });
      out.spendings.push({ municipalityCode: m.code, year, amountCents: spendings[i]!, sourceId });
    });

    // participation budget: each published part divided by population × 0.8–1.2
    for (const [group, dimension] of [
      ["CLASSIC", "classic_target_group"],
      ["NEW", "new_target_group"],
    ] as const) {
      const part = figure(input.figures, "integratie_uitkering_participatie", String(year), dimension);
      if (!part) continue;
      const amount = millionsToCents(part.value);
      const allocations = allocateExactly(
        amount,
        municipalities.map(
          (m) =>
            BigInt(m.population) * permille(randomFor(options.seed, "participation", group, year, m.code), 800, 1200),
        ),
      );
      municipalities.forEach((m, i) => {
        const share = shareOf(allocations[i]!, amount, SHARE_DIGITS)!;
        if (applyShare(amount, share) !== allocations[i]) throw new Error("share does not reproduce its allocation");
        out.shares.push({ municipalityCode: m.code, year, targetGroup: group, share: share as never, sourceId });
      });
    }

    out.places.push(...shelteredPlaces(input, municipalities, year, options.seed, sourceId));
  }
  return out;
}

/**
 * Sheltered-work places: the published national target (2,600 in 2017) and realised places (200 at
 * the end of 2016) divided by population; later targets rising in a straight line to the published
 * structural 30,000 (2048), with 50–95 % of them realised.
 */
function shelteredPlaces(
  input: SyntheticInput,
  municipalities: readonly Weighted[],
  year: number,
  seed: number,
  sourceId: string,
): ShelteredWorkPlacesModel[] {
  const published = (metric: string, period: string) =>
    input.figures.find((f) => f.topic === "beschut_werk" && f.metric === metric && f.period === period) ?? null;
  const first = input.figures.find((f) => f.topic === "beschut_werk" && f.metric === "places_target");
  const structural = published("places_target_structural", "2048");
  let target: number | null = null;
  const own = published("places_target", String(year));
  if (own) target = Number(own.value);
  else if (first && structural && year > Number(first.period)) {
    const from = Number(first.period);
    target = Math.round(
      Number(first.value) + ((Number(structural.value) - Number(first.value)) * (year - from)) / (2048 - from),
    );
  }
  const realisedFigure = published("places_realised", String(year));
  let realised: number | null = realisedFigure ? Number(realisedFigure.value) : null;
  if (realised === null && target !== null) realised = Math.round(target * Math.min(0.95, 0.5 + 0.05 * (year - 2017)));
  if (target === null && realised === null) return [];
  const divide = (total: number | null, what: string) =>
    total === null
      ? null
      : allocateExactly(
          BigInt(total),
          municipalities.map((m) => BigInt(m.population) * permille(randomFor(seed, what, year, m.code), 600, 1400)),
        );
  const targets = divide(target, "places-target");
  const done = divide(realised, "places-realised");
  return municipalities.map((m, i) => ({
    municipalityCode: m.code,
    year,
    targetPlaces: (targets ? targets[i]!.toString() : null) as never,
    realisedPlaces: (done ? done[i]!.toString() : null) as never,
    sourceId,
  }));
}

// ---------------------------------------------------------------------------------------------
// Storing: synthetic rows never replace real (imported or official) ones.

export async function storeSyntheticMunicipal(
  db: Database,
  options: SyntheticOptions & { municipalities?: number },
): Promise<SyncCounts> {
  const weights = syntheticWeights(readReferenceData());
  const municipalities = (year: number) => weights(year).slice(0, options.municipalities ?? undefined);
  const figures = readOfficialFigures("municipal");

  return db.prisma.$transaction(
    async (tx) => {
      const officialMacrobudgets = await tx.buigMacrobudget.findMany({
        where: { NOT: { sourceId: { startsWith: SYNTHETIC_PREFIX } } },
      });
      const out = generateSyntheticMunicipal({ municipalities, officialMacrobudgets, figures }, options);
      const years = { year: { in: options.years } };
      const sources = await syncSources(tx.municipalSource, [out.source]);
      const yearKey = (r: { municipalityCode: string; year: number }) => `${r.municipalityCode}|${r.year}`;

      const macro = besideReal(
        await tx.buigMacrobudget.findMany({ where: years }),
        out.macrobudgets,
        (m) => `${m.year}|${m.stage}`,
      );
      const budgets = besideReal(
        await tx.buigBudget.findMany({ where: years }),
        out.budgets,
        (b) => `${yearKey(b)}|${b.stage}`,
      );
      const spendings = besideReal(await tx.buigSpending.findMany({ where: years }), out.spendings, yearKey);
      const shares = besideReal(
        await tx.participationShare.findMany({ where: years }),
        out.shares,
        (s) => `${yearKey(s)}|${s.targetGroup}`,
      );
      const places = besideReal(await tx.shelteredWorkPlaces.findMany({ where: years }), out.places, yearKey);
      return addCounts(
        sources,
        await syncRows({
          ...macro,
          key: (m) => `${m.year}|${m.stage}`,
          insert: (data) => tx.buigMacrobudget.createMany({ data }),
          update: ({ year, stage, ...data }) =>
            tx.buigMacrobudget.update({ where: { year_stage: { year, stage } }, data }),
        }),
        await syncRows({
          ...budgets,
          key: (b) => `${yearKey(b)}|${b.stage}`,
          insert: (data) => tx.buigBudget.createMany({ data }),
          update: ({ municipalityCode, year, stage, ...data }) =>
            tx.buigBudget.update({ where: { municipalityCode_year_stage: { municipalityCode, year, stage } }, data }),
        }),
        await syncRows({
          ...spendings,
          key: yearKey,
          insert: (data) => tx.buigSpending.createMany({ data }),
          update: ({ municipalityCode, year, ...data }) =>
            tx.buigSpending.update({ where: { municipalityCode_year: { municipalityCode, year } }, data }),
        }),
        await syncRows({
          ...shares,
          key: (s) => `${yearKey(s)}|${s.targetGroup}`,
          insert: (data) => tx.participationShare.createMany({ data }),
          update: ({ municipalityCode, year, targetGroup, ...data }) =>
            tx.participationShare.update({
              where: { municipalityCode_year_targetGroup: { municipalityCode, year, targetGroup } },
              data,
            }),
        }),
        await syncRows({
          ...places,
          key: yearKey,
          insert: (data) => tx.shelteredWorkPlaces.createMany({ data }),
          update: ({ municipalityCode, year, ...data }) =>
            tx.shelteredWorkPlaces.update({ where: { municipalityCode_year: { municipalityCode, year } }, data }),
        }),
      );
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
