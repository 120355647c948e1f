// Parent types of the resolvers (codegen mappers): what the data layer and budgets.ts hand over.
import type { BuigResult, SafetyNetOutcome, SafetyNetRule } from "../../domain/buig.ts";
import type { Dec } from "../../domain/decimal.ts";
import type { Cents } from "../../domain/money.ts";
import type { SourceRef } from "../../common/source.ts";

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

export interface MunicipalBuigModel {
  year: number;
  budget: BuigStageAmountModel;
  stages: BuigStageAmountModel[];
  shareOfMacrobudget: string | null;
  allocation: AmountModel | null;
  spending: AmountModel | null;
  result: BuigResultModel | null;
  safetyNet: SafetyNetModel | null;
}

export interface AreaBuigModel {
  year: number;
  municipalityCount: number;
  budget: AmountModel;
  spending: AmountModel | null;
  municipalitiesWithSpending: number;
  result: BuigResultModel | null;
  safetyNetPayments: AmountModel | null;
}

export interface BuigNationalYearModel {
  year: number;
  macrobudget: BuigStageAmountModel | null;
  macrobudgetStages: BuigStageAmountModel[];
  changeOnPreviousYear: AmountModel | null;
  publishedResult: BuigResultModel | null;
  spending: AmountModel | null;
  municipalTotal: AreaBuigModel | null;
  budgetDifference: AmountModel | null;
  resultDifference: AmountModel | null;
}

export interface ParticipationAllocationModel {
  share: string;
  nationalAmount: Cents;
  amount: Cents;
  source: SourceRef;
}

export interface MunicipalParticipationBudgetModel {
  year: number;
  classicTargetGroup: ParticipationAllocationModel | null;
  newTargetGroup: ParticipationAllocationModel | null;
  total: AmountModel;
}

export interface AreaParticipationBudgetModel {
  year: number;
  municipalityCount: number;
  classicTargetGroup: AmountModel;
  newTargetGroup: AmountModel;
  total: AmountModel;
}

export interface NationalParticipationBudgetModel {
  year: number;
  total: AmountModel;
  classicTargetGroup: AmountModel;
  newTargetGroup: AmountModel;
  partsSum: AmountModel;
  partsDifference: Cents;
  municipalTotal: AreaParticipationBudgetModel | null;
  allocationDifference: Cents | null;
}

export interface PlaceCountModel {
  value: Dec;
  qualifier: string;
  source: SourceRef;
}

export interface ShelteredWorkPlacesModel {
  year: number;
  municipalityCount: number;
  target: PlaceCountModel | null;
  realised: PlaceCountModel | null;
  shortfall: Dec | null;
  progressPercent: Dec | null;
  hoursPerWeek: Dec | null;
}

export interface NationalShelteredWorkModel {
  year: number;
  hoursPerPlace: Dec;
  publishedTarget: PlaceCountModel | null;
  publishedRealised: PlaceCountModel | null;
  structuralTarget: PlaceCountModel | null;
  municipalTotal: ShelteredWorkPlacesModel | null;
  targetDifference: Dec | null;
  realisedDifference: Dec | null;
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
