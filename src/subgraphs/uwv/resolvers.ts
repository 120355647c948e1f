import { periodLabel } from "../../domain/regional-jobs.ts";
import { parsePeriod } from "../../domain/periods.ts";
import { mayWriteUwv } from "../../auth/claims.ts";
import { badUserInput, forbidden, unauthenticated } from "../../common/errors.ts";
import { submit } from "../../common/submissions.ts";
import { regionalJobs } from "./import.ts";
import { officialFigureFields } from "../../common/official-figures/resolvers.ts";
import { figureFilterKey } from "../../common/official-figures/loaders.ts";
import { Date, Decimal, Euro } from "../../common/scalars.ts";
import { resolveSourceRef } from "../../common/source-refs.ts";
import { qualifierResolver } from "../../common/provenance.ts";
import type { SourceRef } from "../../common/source.ts";
import type { Context } from "./context.ts";
import type { Resolvers } from "./generated/resolvers-types.ts";
import { factResolvers } from "../../common/official-figures/facts.ts";
import { FACTS } from "./facts.ts";
import { personsChange } from "./working-people.ts";
import { loadJobAgreementYear, loadJobAgreementYears } from "./job-agreement.ts";
import { employerIncentivesOf, employerQuotaLevyOf } from "./employer.ts";
import { candidateProfiles, retention, shelteredWorkAssessments } from "./published-series.ts";
import { growthComparisons, regionalTotals, regionSeries } from "./regional-jobs.ts";

const YEARS = { min: 1990, max: 2100 };

function yearArgument(name: string, year: number): number {
  if (!Number.isInteger(year) || year < YEARS.min || year > YEARS.max) {
    throw badUserInput(name, `${year} is not a year between ${YEARS.min} and ${YEARS.max}`);
  }
  return year;
}

function quarterArgument(quarter: number | null | undefined): number {
  const q = quarter ?? 4;
  if (!Number.isInteger(q) || q < 1 || q > 4) throw badUserInput("quarter", `${q} is not a quarter; give 1, 2, 3 or 4`);
  return q;
}

const source = (parent: { source: SourceRef }, _: unknown, ctx: Context) =>
  resolveSourceRef(parent.source, ctx.loaders.source);
const sourceById = (parent: { sourceId: string }, _: unknown, ctx: Context) =>
  resolveSourceRef(parent.sourceId, ctx.loaders.source);
const periodDates = {
  periodStart: (p: { period: string }) => parsePeriod(p.period)?.start ?? null,
  periodEnd: (p: { period: string }) => parsePeriod(p.period)?.end ?? null,
};

const facts = factResolvers(FACTS);

export const resolvers: Resolvers = {
  ...facts.types,
  Decimal,
  Date,
  Euro,
  Query: {
    ...facts.query,
    uwvFigures: (_, { topic, metric, period }, { loaders }) =>
      loaders.figures.load(figureFilterKey({ topic: topic?.toLowerCase(), metric, period })),
    jobAgreement: (_, { year }, { loaders }) => loadJobAgreementYear(yearArgument("year", year), loaders),
    jobAgreementYears: async (_, __, { loaders }) => {
      const years = await Promise.all(
        (await loadJobAgreementYears(loaders)).map((year) => loadJobAgreementYear(year, loaders)),
      );
      return years.filter((y) => y !== null);
    },
    regionalJobTotals: (_, { year, quarter }, ctx) =>
      regionalTotals(yearArgument("year", year), quarterArgument(quarter), ctx.loaders),
    jobAgreementGrowth: (_, __, { loaders }) => growthComparisons(loaders),
    quotaRules: (_, __, { loaders }) => loaders.quotaRules.load("all"),
    employerIncentives: (_, args, { loaders }) =>
      employerIncentivesOf(
        { ...args, year: yearArgument("year", args.year), hoursPerYear: String(args.hoursPerYear) },
        loaders,
      ),
    employerQuotaLevy: (_, args, { loaders }) =>
      employerQuotaLevyOf(
        {
          ...args,
          year: yearArgument("year", args.year),
          quotaJobs: String(args.quotaJobs),
          actualJobs: String(args.actualJobs),
        },
        loaders,
      ),
    employerInstrumentParameters: async (_, { instrument }, { loaders }) =>
      (await loaders.employerParameters.load("all")).filter((p) => instrument == null || p.instrument === instrument),
    shelteredWorkAssessments: (_, args, ctx) => shelteredWorkAssessments(args, ctx),
    retention: (_, args, ctx) => retention(args, ctx),
    candidateProfiles: (_, args, ctx) => candidateProfiles(args, ctx),
  },

  Mutation: {
    submitRegionalJobs: async (_, { input }, ctx) => {
      if (!ctx.viewer) throw unauthenticated("Submitting regional job figures");
      if (!mayWriteUwv(ctx.viewer)) {
        throw forbidden(
          `Your roles (${ctx.viewer.roles.join(", ") || "none"}) do not allow writing UWV's figures: that needs uwv or ministry`,
        );
      }
      const code = input.regionCode.trim().toUpperCase();
      const quarter = input.quarter ?? 4;
      const { changed } = await submit(
        ctx.db,
        regionalJobs,
        {
          region_code: code,
          year: String(input.year),
          quarter: String(quarter),
          paid_hours_per_week: input.paidHoursPerWeek?.toString(),
          jobs: input.jobs?.toString(),
        },
        input.source,
        {
          region_code: "regionCode",
          year: "year",
          quarter: "quarter",
          paid_hours_per_week: "paidHoursPerWeek",
          jobs: "jobs",
        },
      );
      return { region: { code }, year: input.year, quarter, changed };
    },
  },

  RegionalJobsSubmission: {
    jobs: async (s, _, ctx) =>
      (await regionSeries(s.region.code, ctx.loaders)).find((f) => f.year === s.year && f.quarter === s.quarter) ??
      null,
  },

  LabourMarketRegion: {
    // Only the key is known here; the reference subgraph owns the entity.
    __resolveReference: (reference) => ({ code: reference.code }),
    jobAgreement: async (r, { year, quarter }, ctx) => {
      const y = yearArgument("year", year);
      const q = quarterArgument(quarter);
      return (await regionSeries(r.code, ctx.loaders)).find((f) => f.year === y && f.quarter === q) ?? null;
    },
    jobAgreementSeries: async (r, { fromYear, toYear, quarterly }, ctx) => {
      const from = fromYear == null ? YEARS.min : yearArgument("fromYear", fromYear);
      const to = toYear == null ? YEARS.max : yearArgument("toYear", toYear);
      if (from > to) throw badUserInput("toYear", `${to} is before fromYear ${from}`);
      return (await regionSeries(r.code, ctx.loaders)).filter(
        (f) => f.year >= from && f.year <= to && (quarterly || f.quarter === 4),
      );
    },
  },

  JobAgreementYear: {
    sector: (y, { sector }) => y.sectors.find((s) => s.sector === sector) ?? null,
  },
  JobCount: { source, ...qualifierResolver },
  PersonCount: { source, ...qualifierResolver },
  WorkingPeopleWithDisability: {
    ...facts.types.WorkingPeopleWithDisability,
    personsChange: (_, __, { loaders }) => personsChange(loaders),
  },
  Share: { source, ...qualifierResolver },
  Amount: { value: (a) => a.cents, source, ...qualifierResolver },
  QuotaRule: {
    sector: (r) => r.sector.toUpperCase() as "MARKET" | "GOVERNMENT",
    activationSource: (r, _, ctx) => resolveSourceRef(r.activationSourceId, ctx.loaders.source),
    levyPerJob: (r) => ({ cents: r.levyPerJobCents, qualifier: "STATED", source: r.levySourceId }),
  },
  EmployerInstrumentParameter: { source: sourceById },
  RegionalJobs: {
    period: (f) => periodLabel(f.year, f.quarter),
    source: sourceById,
  },
  ShelteredWorkAssessments: { ...periodDates, source: sourceById },
  RetentionFigure: { ...periodDates, source: sourceById, ...qualifierResolver },
  CandidateProfileCount: { ...periodDates, source: sourceById },
  OfficialFigure: {
    ...officialFigureFields,
    ...qualifierResolver,
    source: async (figure, _, { loaders }) => (await loaders.source.load(figure.sourceId))!,
  },
};
