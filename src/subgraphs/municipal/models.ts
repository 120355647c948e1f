// Parent types of the resolvers (codegen mappers): small, cheap shapes — the keys and the rows that
// decide whether an object exists. Each field computes the rest when it is asked for.
import type { BuigResult, SafetyNetOutcome, SafetyNetRule } from "../../domain/buig.ts";
import type { Dec } from "../../domain/decimal.ts";
import type { Cents } from "../../domain/money.ts";
import type { SourceRef } from "../../common/source.ts";
import type {
  BuigBudgetModel,
  ParticipationShareModel,
  ShelteredWorkPlacesModel as PlacesRow,
} from "../../generated/prisma/models.ts";

export type { MunicipalFigureModel as OfficialFigureModel } from "../../generated/prisma/models.ts";
export type { SourceModel } from "../../common/source.ts";

/** An entity this subgraph extends: only its key is known here. */
export type MunicipalityModel = { code: string };
export type LabourMarketRegionModel = { code: string };

export type BuigStageName = "PROVISIONAL" | "FURTHER_PROVISIONAL" | "DEFINITIVE";

export interface AmountModel {
  cents: Cents;
  qualifier: string;
  source: SourceRef;
}

export interface BuigStageAmountModel extends AmountModel {
  stage: BuigStageName;
  publishedOn: string | null;
}

export interface BuigResultModel extends BuigResult {
  qualifier: string;
  source: SourceRef;
}

export interface SafetyNetRuleModel extends SafetyNetRule {
  source: SourceRef;
}

export interface SafetyNetModel extends SafetyNetOutcome {
  rule: SafetyNetRuleModel;
  source: SourceRef;
}

/** A municipality's BUIG of a year: its budget rows, oldest stage first (never empty). */
export interface MunicipalBuigModel {
  code: string;
  year: number;
  budgets: BuigBudgetModel[];
}

/** The municipalities a sum runs over, each with its latest budget of the year; `what` names them. */
export interface AreaBuigModel {
  year: number;
  what: string;
  members: { code: string; budget: BuigBudgetModel }[];
}

export interface BuigNationalYearModel {
  year: number;
}

/** The national participation budget of a year as published, in cents. */
export interface ParticipationParts {
  total: AmountModel;
  CLASSIC: AmountModel;
  NEW: AmountModel;
}

export interface ParticipationAllocationModel {
  share: string;
  nationalAmount: Cents;
  amount: Cents;
  source: SourceRef;
}

export interface MunicipalParticipationBudgetModel {
  code: string;
  year: number;
  shares: ParticipationShareModel[];
  parts: ParticipationParts;
}

export interface AreaParticipationBudgetModel {
  year: number;
  what: string;
  members: MunicipalParticipationBudgetModel[];
}

export interface NationalParticipationBudgetModel {
  year: number;
  parts: ParticipationParts;
}

export interface PlaceCountModel {
  value: Dec;
  qualifier: string;
  source: SourceRef;
}

/** Sheltered-work places of one or more municipalities in a year (never empty); `what` names them. */
export interface ShelteredWorkPlacesModel {
  year: number;
  what: string;
  rows: PlacesRow[];
}

export interface NationalShelteredWorkModel {
  year: number;
}

export interface ShelteredWorkBonusModel {
  period: string;
  available: AmountModel | null;
  paid: AmountModel | null;
  retained: AmountModel | null;
  paidPercent: Dec | null;
}

export interface BuigSpendingSubmissionModel {
  municipality: MunicipalityModel;
  year: number;
  changed: boolean;
}

export type { FactsParent } from "../../common/official-figures/facts.ts";
