// Resolvers of schema/municipal.graphql, shaped like the SDL. Parents are small (keys and the rows that
// decide whether an object exists); every field reads what it needs through the request's loaders and
// computes it with the plain functions of buig.ts, participation.ts and sheltered-work.ts.
import { Dec } from "../../domain/decimal.ts";
import { formatCents, formatScaled } from "../../domain/money.ts";
import { mayWriteMunicipality } from "../../auth/claims.ts";
import { badUserInput, forbidden, unauthenticated } from "../../common/errors.ts";
import { submit } from "../../common/submissions.ts";
import { officialFigureFields } from "../../common/official-figures/resolvers.ts";
import { figureFilterKey } from "../../common/official-figures/loaders.ts";
import { Date, Decimal, Euro } from "../../common/scalars.ts";
import type { SourceRef } from "../../common/source.ts";
import { computedRef } from "../../common/source.ts";
import { resolveSourceRef } from "../../common/source-refs.ts";
import { labelResolvers, qualifierResolver } from "../../common/provenance.ts";
import { countryArea, regionArea } from "./areas.ts";
import {
  allocation,
  areaBudget,
  areaResult,
  areaSafetyNetPayments,
  areaSpending,
  FIGURE_BUIG,
  loadArea,
  loadBuigYears,
  loadMacrobudgetStages,
  loadSpent,
  macroOfStage,
  millionsAmount,
  municipalResult,
  municipalSafetyNet,
  nationalSpending,
  publishedFigure,
  publishedResult,
  safetyNetRuleModel,
  shareOfMacrobudget,
  sortedBudgets,
  spendingAmount,
  stageAmount,
} from "./buig.ts";
import type { Context } from "./context.ts";
import type { Resolvers } from "./generated/resolvers-types.ts";
import { factResolvers } from "../../common/official-figures/facts.ts";
import { FACTS } from "./facts.ts";
import { buigSpending } from "./import.ts";
import { codeYear, type MunicipalLoaders } from "./loaders.ts";
import type { MunicipalBuigModel } from "./models.ts";
import {
  allocationOf,
  areaSum,
  FIGURE_PARTICIPATION,
  loadNationalParts,
  loadParticipationArea,
  municipalTotal,
  participationYears,
  partsSum,
} from "./participation.ts";
import {
  hoursPerPlace,
  loadPlaces,
  placeCount,
  placesAgainstTarget,
  placesSum,
  SHELTERED_WORK,
  shelteredFigure,
  shelteredWorkBonus,
} from "./sheltered-work.ts";

/** Budget years this service accepts: anything else is a typo, not an empty year. */
export const YEAR_RANGE = { min: 1990, max: 2100 };

function yearArgument(year: number): number {
  if (!Number.isInteger(year) || year < YEAR_RANGE.min || year > YEAR_RANGE.max) {
    throw badUserInput("year", `${year} is not a budget year between ${YEAR_RANGE.min} and ${YEAR_RANGE.max}`);
  }
  return year;
}

/** A year of a region sum: one with a region classification. */
async function regionYearArgument(year: number, loaders: MunicipalLoaders): Promise<number> {
  const { from, to } = (await loaders.areaHistory()).membershipYears;
  if (!Number.isInteger(year) || year < from || year > to) {
    throw badUserInput(
      "year",
      `${year} is outside the data: labour-market region memberships are known for ${from}–${to}`,
    );
  }
  return year;
}

const source = (parent: { source: SourceRef }, _: unknown, ctx: Context) =>
  resolveSourceRef(parent.source, ctx.loaders.source);
const bp = (basisPoints: number) => formatScaled(BigInt(basisPoints), 2);

async function municipalBuig(
  code: string,
  year: number,
  loaders: MunicipalLoaders,
): Promise<MunicipalBuigModel | null> {
  const budgets = sortedBudgets(await loaders.budgets.load(codeYear(code, year)));
  return budgets.length === 0 ? null : { code, year, budgets };
}

const latest = (b: MunicipalBuigModel) => b.budgets.at(-1)!;

async function nationalArea(year: number, loaders: MunicipalLoaders) {
  const { codes, what } = await countryArea(year, loaders);
  return { codes, what };
}

const facts = factResolvers(FACTS);

export const resolvers: Resolvers = {
  ...facts.types,
  Decimal,
  Date,
  Euro,
  Query: {
    ...facts.query,
    municipalFigures: (_, { topic, metric, period }, { loaders }) =>
      loaders.figures.load(figureFilterKey({ topic: topic?.toLowerCase(), metric, period })),
    buigNational: async (_, { year }, { loaders }) => {
      const y = yearArgument(year);
      return (await loadBuigYears(loaders)).includes(y) ? { year: y } : null;
    },
    buigNationalYears: async (_, __, { loaders }) => (await loadBuigYears(loaders)).map((year) => ({ year })),
    participationBudget: async (_, { year }, { loaders }) => {
      const y = yearArgument(year);
      const parts = await loadNationalParts(y, loaders);
      return parts ? { year: y, parts } : null;
    },
    participationBudgets: async (_, __, { loaders }) => {
      const figures = await loaders.figures.load(FIGURE_PARTICIPATION);
      const years = participationYears(figures);
      return (
        await Promise.all(years.map(async (year) => ({ year, parts: await loadNationalParts(year, loaders) })))
      ).flatMap(({ year, parts }) => (parts ? [{ year, parts }] : []));
    },
    shelteredWorkPlaces: async (_, { year }, { loaders }) => {
      const y = yearArgument(year);
      const figures = await loaders.figures.load(SHELTERED_WORK);
      const published =
        shelteredFigure(figures, "places_target", String(y)) ?? shelteredFigure(figures, "places_realised", String(y));
      if (published) return { year: y };
      const { codes, what } = await nationalArea(y, loaders);
      return (await loadPlaces(codes, y, what, loaders)) ? { year: y } : null;
    },
    shelteredWorkBonus: async (_, __, { loaders }) => shelteredWorkBonus(await loaders.figures.load(SHELTERED_WORK)),
    safetyNetRules: async (_, __, { loaders }) => (await loaders.allRules.load("all")).map(safetyNetRuleModel),
  },

  Mutation: {
    submitBuigSpending: async (_, { input }, ctx) => {
      if (!ctx.viewer) throw unauthenticated("Submitting BUIG spending");
      const code = input.municipalityCode.trim().toUpperCase();
      if (!mayWriteMunicipality(ctx.viewer, code)) {
        throw forbidden(
          `Your roles (${ctx.viewer.roles.join(", ") || "none"}) do not allow writing figures of ${code}: that needs municipality:${code} or ministry`,
        );
      }
      const { changed } = await submit(
        ctx.db,
        buigSpending,
        { year: String(input.year), municipality_code: code, spending_eur: formatCents(input.spending) },
        input.source,
        { year: "year", municipality_code: "municipalityCode", spending_eur: "spending" },
      );
      return { municipality: { code }, year: input.year, changed };
    },
  },

  BuigSpendingSubmission: {
    buig: (s, _, { loaders }) => municipalBuig(s.municipality.code, s.year, loaders),
  },

  Municipality: {
    // Only the key is known here; the reference subgraph owns the entity.
    __resolveReference: (reference) => ({ code: reference.code }),
    buig: (m, { year }, { loaders }) => municipalBuig(m.code, yearArgument(year), loaders),
    buigYears: (m, _, { loaders }) => loaders.budgetYears.load(m.code),
    participationBudget: async (m, { year }, { loaders }) => {
      const y = yearArgument(year);
      const [shares, parts] = await Promise.all([
        loaders.shares.load(codeYear(m.code, y)),
        loadNationalParts(y, loaders),
      ]);
      return shares.length > 0 && parts ? { code: m.code, year: y, shares, parts } : null;
    },
    shelteredWorkPlaces: (m, { year }, { loaders }) => loadPlaces([m.code], yearArgument(year), m.code, loaders),
  },

  LabourMarketRegion: {
    __resolveReference: (reference) => ({ code: reference.code }),
    buig: async (r, { year }, { loaders }) => {
      const y = await regionYearArgument(year, loaders);
      const { codes, what } = await regionArea(r.code, y, loaders);
      return loadArea(codes, y, what, loaders);
    },
    participationBudget: async (r, { year }, { loaders }) => {
      const y = await regionYearArgument(year, loaders);
      const { codes, what } = await regionArea(r.code, y, loaders);
      return loadParticipationArea(codes, y, what, loaders);
    },
    shelteredWorkPlaces: async (r, { year }, { loaders }) => {
      const y = await regionYearArgument(year, loaders);
      const { codes, what } = await regionArea(r.code, y, loaders);
      return loadPlaces(codes, y, what, loaders);
    },
  },

  MunicipalBuig: {
    budget: (b) => stageAmount(latest(b)),
    stages: (b) => b.budgets.map(stageAmount),
    shareOfMacrobudget: async (b, _, { loaders }) =>
      shareOfMacrobudget(latest(b), macroOfStage(await loadMacrobudgetStages(b.year, loaders), latest(b))),
    allocation: async (b, _, { loaders }) =>
      allocation(b.code, latest(b), macroOfStage(await loadMacrobudgetStages(b.year, loaders), latest(b))),
    spending: async (b, _, { loaders }) => {
      const row = await loaders.spending.load(codeYear(b.code, b.year));
      return row ? spendingAmount(row) : null;
    },
    result: async (b, _, { loaders }) => {
      const row = await loaders.spending.load(codeYear(b.code, b.year));
      return row ? municipalResult(b.code, latest(b), row) : null;
    },
    safetyNet: async (b, _, { loaders }) => {
      const [row, rule] = await Promise.all([
        loaders.spending.load(codeYear(b.code, b.year)),
        loaders.rule.load(b.year),
      ]);
      return row && rule ? municipalSafetyNet(b.code, latest(b), row, rule) : null;
    },
  },

  AreaBuig: {
    municipalityCount: (a) => a.members.length,
    budget: (a) => areaBudget(a),
    spending: async (a, _, { loaders }) => areaSpending(a, await loadSpent(a, loaders)),
    municipalitiesWithSpending: async (a, _, { loaders }) => (await loadSpent(a, loaders)).length,
    result: async (a, _, { loaders }) => areaResult(a, await loadSpent(a, loaders)),
    safetyNetPayments: async (a, _, { loaders }) =>
      areaSafetyNetPayments(a, await loadSpent(a, loaders), await loaders.rule.load(a.year)),
  },

  BuigNationalYear: {
    macrobudget: async (y, _, { loaders }) => (await loadMacrobudgetStages(y.year, loaders)).at(-1) ?? null,
    macrobudgetStages: (y, _, { loaders }) => loadMacrobudgetStages(y.year, loaders),
    changeOnPreviousYear: async (y, _, { loaders }) => {
      const figure = publishedFigure(
        await loaders.figures.load(FIGURE_BUIG),
        "macrobudget_change_vs_previous_year",
        String(y.year),
      );
      return figure ? millionsAmount(figure) : null;
    },
    publishedResult: async (y, _, { loaders }) => publishedResult(await loaders.figures.load(FIGURE_BUIG), y.year),
    spending: async (y, _, { loaders }) => {
      const [stages, figures] = await Promise.all([
        loadMacrobudgetStages(y.year, loaders),
        loaders.figures.load(FIGURE_BUIG),
      ]);
      const macro = stages.at(-1);
      const published = publishedResult(figures, y.year);
      return macro && published ? nationalSpending(y.year, macro, published) : null;
    },
    municipalTotal: async (y, _, { loaders }) => {
      const { codes, what } = await nationalArea(y.year, loaders);
      return loadArea(codes, y.year, what, loaders);
    },
    budgetDifference: async (y, _, { loaders }) => {
      const { codes, what } = await nationalArea(y.year, loaders);
      const [area, stages] = await Promise.all([
        loadArea(codes, y.year, what, loaders),
        loadMacrobudgetStages(y.year, loaders),
      ]);
      const macro = stages.at(-1);
      if (!area || !macro) return null;
      const total = areaBudget(area);
      return {
        cents: total.cents - macro.cents,
        qualifier: macro.qualifier,
        source: computedRef(
          `BUIG ${y.year}: municipal budgets − macrobudget`,
          [total.source, macro.source],
          `Sum of municipal budgets minus the ${macro.stage.toLowerCase()} macrobudget`,
        ),
      };
    },
    resultDifference: async (y, _, { loaders }) => {
      const { codes, what } = await nationalArea(y.year, loaders);
      const [area, figures] = await Promise.all([
        loadArea(codes, y.year, what, loaders),
        loaders.figures.load(FIGURE_BUIG),
      ]);
      const published = publishedResult(figures, y.year);
      const total = area && published ? areaResult(area, await loadSpent(area, loaders)) : null;
      if (!total || !published) return null;
      return {
        cents: total.amount - published.amount,
        qualifier: published.qualifier,
        source: computedRef(
          `BUIG ${y.year}: municipal results − published national result`,
          [total.source, published.source],
          "Sum of municipal results minus the national result as published",
        ),
      };
    },
  },

  NationalParticipationBudget: {
    total: (p) => p.parts.total,
    classicTargetGroup: (p) => p.parts.CLASSIC,
    newTargetGroup: (p) => p.parts.NEW,
    partsSum: (p) => partsSum(p.year, p.parts),
    partsDifference: (p) => partsSum(p.year, p.parts).cents - p.parts.total.cents,
    municipalTotal: async (p, _, { loaders }) => {
      const { codes, what } = await nationalArea(p.year, loaders);
      return loadParticipationArea(codes, p.year, what, loaders);
    },
    allocationDifference: async (p, _, { loaders }) => {
      const { codes, what } = await nationalArea(p.year, loaders);
      const area = await loadParticipationArea(codes, p.year, what, loaders);
      return area ? areaSum(area, "total").cents - partsSum(p.year, p.parts).cents : null;
    },
  },

  MunicipalParticipationBudget: {
    classicTargetGroup: (b) => allocationOf(b, "CLASSIC"),
    newTargetGroup: (b) => allocationOf(b, "NEW"),
    total: (b) => municipalTotal(b),
  },

  AreaParticipationBudget: {
    municipalityCount: (a) => a.members.length,
    classicTargetGroup: (a) => areaSum(a, "CLASSIC"),
    newTargetGroup: (a) => areaSum(a, "NEW"),
    total: (a) => areaSum(a, "total"),
  },

  ShelteredWorkPlaces: {
    municipalityCount: (p) => p.rows.length,
    target: (p) => placesSum(p, "targetPlaces"),
    realised: (p) => placesSum(p, "realisedPlaces"),
    shortfall: (p) => placesAgainstTarget(p)?.shortfall ?? null,
    progressPercent: (p) => placesAgainstTarget(p)?.progressPercent ?? null,
    hoursPerWeek: async (p, _, { loaders }) => {
      const realised = placesSum(p, "realisedPlaces");
      return realised ? realised.value.mul(hoursPerPlace(await loaders.figures.load(SHELTERED_WORK))) : null;
    },
  },

  NationalShelteredWork: {
    hoursPerPlace: async (n, _, { loaders }) => hoursPerPlace(await loaders.figures.load(SHELTERED_WORK)),
    publishedTarget: async (n, _, { loaders }) =>
      placeCount(shelteredFigure(await loaders.figures.load(SHELTERED_WORK), "places_target", String(n.year))),
    publishedRealised: async (n, _, { loaders }) =>
      placeCount(shelteredFigure(await loaders.figures.load(SHELTERED_WORK), "places_realised", String(n.year))),
    structuralTarget: async (_, __, { loaders }) =>
      placeCount(
        (await loaders.figures.load(SHELTERED_WORK)).find((f) => f.metric === "places_target_structural") ?? null,
      ),
    municipalTotal: async (n, _, { loaders }) => {
      const { codes, what } = await nationalArea(n.year, loaders);
      return loadPlaces(codes, n.year, what, loaders);
    },
    targetDifference: async (n, _, { loaders }) =>
      nationalPlacesDifference(n.year, "places_target", "targetPlaces", loaders),
    realisedDifference: async (n, _, { loaders }) =>
      nationalPlacesDifference(n.year, "places_realised", "realisedPlaces", loaders),
  },

  OfficialFigure: {
    ...officialFigureFields,
    ...qualifierResolver,
    source: async (figure, _, { loaders }) => (await loaders.source.load(figure.sourceId))!,
  },
  Amount: { value: (a) => a.cents, source, ...qualifierResolver },
  BuigStageAmount: { value: (a) => a.cents, source, ...labelResolvers },
  BuigResult: { source, ...qualifierResolver },
  SafetyNet: { source },
  SafetyNetRule: {
    ownRiskPercent: (r) => bp(r.thresholdBp),
    bands: (r) =>
      r.bands.map((b) => ({
        fromPercent: bp(b.fromBp),
        toPercent: b.toBp === null ? null : bp(b.toBp),
        compensationPercent: bp(b.compensationBp),
      })),
    source,
  },
  ParticipationAllocation: { source },
  PlaceCount: { source, ...qualifierResolver },
};

/** The municipal sum of places minus the published national figure; null when either is missing. */
async function nationalPlacesDifference(
  year: number,
  metric: "places_target" | "places_realised",
  field: "targetPlaces" | "realisedPlaces",
  loaders: MunicipalLoaders,
): Promise<Dec | null> {
  const published = placeCount(shelteredFigure(await loaders.figures.load(SHELTERED_WORK), metric, String(year)));
  const { codes, what } = await nationalArea(year, loaders);
  const places = await loadPlaces(codes, year, what, loaders);
  const sum = places ? placesSum(places, field) : null;
  return published && sum ? sum.value.sub(published.value) : null;
}
