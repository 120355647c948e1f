// Parent types of the resolvers (codegen mappers): what the data layer and the services hand over.
import type { Dec } from "../../domain/decimal.ts";
import type { Sector } from "../../domain/job-agreement.ts";
import type { SourceRef } from "../../common/source.ts";

export type {
  UwvFigureModel as OfficialFigureModel,
  QuotaRuleModel,
  EmployerParameterModel,
} from "../../generated/prisma/models.ts";
export type { SourceModel } from "../../common/source.ts";
import type { EmployerParameterModel, QuotaRuleModel } from "../../generated/prisma/models.ts";

/** An entity this subgraph extends: only its key is known here. */
export type LabourMarketRegionModel = { code: string };

export interface JobCountModel {
  value: Dec;
  qualifier: string;
  source: SourceRef;
}
export type ShareModel = JobCountModel;

export interface AmountModel {
  cents: bigint;
  qualifier: string;
  source: SourceRef;
}

export type QuotaStatus = "APPLIES" | "DOES_NOT_APPLY" | "NOT_STATED";

export interface QuotaOutcomeModel {
  status: QuotaStatus;
  applies: boolean | null;
  explanation: string;
  missingJobs: Dec | null;
  levyPerJob: AmountModel;
  levy: AmountModel | null;
  levyIfApplied: AmountModel | null;
  rule: QuotaRuleModel | null;
}

export interface SectorResultModel {
  sector: Sector | "TOTAL";
  allocationKey: ShareModel | null;
  baselineAllocationKey: ShareModel | null;
  directExtraJobs: JobCountModel | null;
  hiredExtraJobs: JobCountModel | null;
  publishedHiredExtraJobs: JobCountModel | null;
  extraJobs: JobCountModel | null;
  publishedExtraJobs: JobCountModel | null;
  extraJobsDifference: Dec | null;
  hiredSharePercent: Dec | null;
  target: JobCountModel | null;
  realisedExtraJobs: JobCountModel | null;
  shortfall: JobCountModel | null;
  surplus: JobCountModel | null;
  progressPercent: Dec | null;
  targetMet: boolean | null;
  changeOnPreviousYear: JobCountModel | null;
  directChangeOnPreviousYear: JobCountModel | null;
  quota: QuotaOutcomeModel | null;
}

export interface JobAgreementYearModel {
  year: number;
  hoursPerJob: Dec;
  baselineJobs: JobCountModel | null;
  baselineHiredJobs: JobCountModel | null;
  hiredJobs: JobCountModel | null;
  totalJobs: JobCountModel | null;
  publishedTotalJobs: JobCountModel | null;
  sectors: SectorResultModel[];
}

export interface RegionalJobsModel {
  year: number;
  quarter: number;
  paidHoursPerWeek: Dec;
  jobs: Dec;
  baselineJobs: Dec | null;
  extraJobs: Dec | null;
  changeOnPreviousYear: Dec | null;
  changeOnPreviousQuarter: Dec | null;
  sourceId: string;
}

export interface RegionalJobTotalsModel {
  year: number;
  quarter: number;
  regionCount: number;
  jobs: JobCountModel;
  publishedNationalJobs: JobCountModel | null;
  difference: Dec | null;
}

export interface ShelteredWorkAssessmentsModel {
  period: string;
  requester: "MUNICIPALITY" | "CITIZEN" | "TOTAL";
  assessments: number | null;
  positive: number | null;
  positiveRatePercent: Dec | null;
  publishedPositiveRatePercent: Dec | null;
  rateDifference: Dec | null;
  sourceId: string;
}

export interface RetentionFigureModel {
  metric: string;
  period: string;
  background: "ALL" | "WSW" | "WAJONG" | "PARTICIPATIEWET";
  percent: string;
  qualifier: string;
  note: string | null;
  sourceId: string;
}

export interface CandidateProfileCountModel {
  period: string;
  channel: "MUNICIPAL" | "UWV";
  profiles: number;
  sharePercent: Dec | null;
  sourceId: string;
}

export interface RegionalJobsSubmissionModel {
  region: LabourMarketRegionModel;
  year: number;
  quarter: number;
  changed: boolean;
}

export interface EmployerInstrumentResultModel {
  instrument: string;
  name: string;
  status: "ELIGIBLE" | "NOT_ELIGIBLE" | "NOT_EMBEDDED";
  reason: string;
  amount: AmountModel | null;
  paid: AmountModel | null;
  ratePerPaidHour: AmountModel | null;
  capPerYear: AmountModel | null;
  maxYears: number | null;
  parameters: EmployerParameterModel[];
}

export interface EmployerIncentivesModel {
  year: number;
  lawTextVersion: string;
  coveredYears: number[];
  instruments: EmployerInstrumentResultModel[];
  total: AmountModel;
  totalRule: string;
}

export interface EmployerQuotaLevyModel {
  year: number;
  sector: "MARKET" | "GOVERNMENT";
  shortfall: Dec;
  levyPerJob: AmountModel;
  levy: AmountModel;
  quotaStatus: QuotaStatus;
  explanation: string;
}

export interface JobGrowthComparisonModel {
  period: string;
  fromPeriod: string;
  toPeriod: string;
  published: JobCountModel;
  publishedPercent: string | null;
  impliedStartJobs: JobCountModel | null;
  regionalGrowth: JobCountModel | null;
  difference: Dec | null;
}

export type { FactsParent } from "../../common/official-figures/facts.ts";
