import { formatCents, formatScaled } from "../../domain/money.ts";
import { mayWriteMunicipality } from "../../auth/claims.ts";
import { badUserInput, forbidden, unauthenticated } from "../../common/errors.ts";
import { submit } from "../../common/submissions.ts";
import { buigSpending } from "./import.ts";
import { officialFigureFields } from "../../common/official-figures/resolvers.ts";
import { figureFilterKey } from "../../common/official-figures/loaders.ts";
import { Date, Decimal, Euro } from "../../common/scalars.ts";
import type { SourceRef } from "../../common/source.ts";
import {
  buigNationalYear,
  buigYears,
  municipalBuig,
  municipalParticipation,
  nationalParticipation,
  participationYears,
  regionBuig,
  regionParticipation,
  resolveSource,
  safetyNetRuleModel,
} from "./budgets.ts";
import type { Context } from "./context.ts";
import { municipalPlaces, nationalPlaces, regionPlaces, shelteredWorkBonus } from "./sheltered-work.ts";
import type { Resolvers } from "./generated/resolvers-types.ts";

/** Budget years this service accepts: anything else is a typo, not an empty year. */
export const YEAR_RANGE = { min: 1990, max: 2100 };

function yearArgument(year: number): number {
  if (!Number.isInteger(year) || year < YEAR_RANGE.min || year > YEAR_RANGE.max) {
    throw badUserInput("year", `${year} is not a budget year between ${YEAR_RANGE.min} and ${YEAR_RANGE.max}`);
  }
  return year;
}

const source = (parent: { source: SourceRef }, _: unknown, ctx: Context) => resolveSource(parent.source, ctx);
const bp = (basisPoints: number) => formatScaled(BigInt(basisPoints), 2);

export const resolvers: Resolvers = {
  Decimal,
  Date,
  Euro,
  Query: {
    municipalFigures: (_, { topic, metric, period }, { loaders }) =>
      loaders.figures.load(figureFilterKey({ topic: topic?.toLowerCase(), metric, period })),
    buigNational: (_, { year }, ctx) => buigNationalYear(yearArgument(year), ctx),
    buigNationalYears: async (_, __, ctx) => {
      const years = await buigYears(ctx);
      const all = await Promise.all(years.map((year) => buigNationalYear(year, ctx)));
      return all.filter((y) => y !== null);
    },
    participationBudget: (_, { year }, ctx) => nationalParticipation(yearArgument(year), ctx),
    participationBudgets: async (_, __, ctx) => {
      const all = await Promise.all((await participationYears(ctx)).map((year) => nationalParticipation(year, ctx)));
      return all.filter((y) => y !== null);
    },
    shelteredWorkPlaces: (_, { year }, ctx) => nationalPlaces(yearArgument(year), ctx),
    shelteredWorkBonus: (_, __, ctx) => shelteredWorkBonus(ctx),
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
    buig: (s, _, ctx) => municipalBuig(s.municipality.code, s.year, ctx),
  },

  Municipality: {
    // Only the key is known here; the reference subgraph owns the entity.
    __resolveReference: (reference) => ({ code: reference.code }),
    buig: (m, { year }, ctx) => municipalBuig(m.code, yearArgument(year), ctx),
    buigYears: (m, _, { loaders }) => loaders.budgetYears.load(m.code),
    participationBudget: (m, { year }, ctx) => municipalParticipation(m.code, yearArgument(year), ctx),
    shelteredWorkPlaces: (m, { year }, ctx) => municipalPlaces(m.code, yearArgument(year), ctx),
  },

  LabourMarketRegion: {
    __resolveReference: (reference) => ({ code: reference.code }),
    buig: (r, { year }, ctx) => regionBuig(r.code, yearArgument(year), ctx),
    participationBudget: (r, { year }, ctx) => regionParticipation(r.code, yearArgument(year), ctx),
    shelteredWorkPlaces: (r, { year }, ctx) => regionPlaces(r.code, yearArgument(year), ctx),
  },

  OfficialFigure: {
    ...officialFigureFields,
    source: async (figure, _, { loaders }) => (await loaders.source.load(figure.sourceId))!,
  },
  Amount: { value: (a) => a.cents, source },
  BuigStageAmount: { value: (a) => a.cents, source },
  BuigResult: { source },
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
  PlaceCount: { source },
};
