// Typed homes for the letters' facts that have no richer type: each field is one published figure
// (or its series over periods), read from the official figures by metric. The coverage test
// (test/figures/coverage.test.ts) lists every row of the figures file with the field that serves it.
import type { FactTypes } from "../../common/official-figures/facts.ts";

export const FACTS: FactTypes = {
  KnowledgeAndTransformation: {
    root: "knowledgeAndTransformation",
    topic: "knowledge_and_transformation",
    fields: {
      zonmwShortProjectsCompleted: { metric: "zonmw_short_projects_completed" },
      zonmwKnowledgeProjectsAwarded: { metric: "zonmw_knowledge_projects_awarded" },
      manifestoMunicipalities: { metric: "manifesto_municipalities" },
      wswTransformationBudget: { metric: "wsw_transformation_budget_motie_kerstens" },
    },
  },
  ExperienceSurvey: {
    root: "experienceSurvey",
    topic: "experience_survey",
    fields: {
      employersMakingNoEffortPercent: { metric: "employers_making_no_effort_pct", list: true },
      employersMadeToThinkPercent: { metric: "employers_made_to_think_pct" },
      employerWillingnessToHirePercent: { metric: "employer_willingness_to_hire_pct", list: true },
      serviceGrades: { metric: "service_grade", list: true },
      jobCoachSharePercent: { metric: "job_coach_share_pct", list: true },
      clientCouncilResponsePercent: { metric: "client_council_response_pct" },
      temporarilyNoWorkCapacityPercent: { metric: "temporarily_no_work_capacity_self_assessed_pct" },
      temporarilyNoWorkCapacityActivities: { metric: "temporarily_no_work_capacity_", prefix: true, list: true },
    },
  },
  BenefitParameters: {
    root: "benefitParameters",
    topic: "benefit_parameters",
    fields: {
      aowNetOverpaymentPerMonth: { metric: "aow_net_overpayment_per_month", list: true },
      assistanceNetOverpaymentPerMonth: { metric: "assistance_net_overpayment_per_month", list: true },
      aowNetIncreasePerMonth: { metric: "aow_net_increase_per_month", list: true },
      assistanceNetIncreasePerMonth: { metric: "assistance_net_increase_per_month", list: true },
      ioazIncomeNorms: { metric: "ioaz_income_norm", list: true },
      ioazIncomeNormShortfall: { metric: "ioaz_income_norm_shortfall", list: true },
    },
  },
  SocialAssistanceFacts: {
    root: "socialAssistance",
    topic: "bijstand",
    fields: {
      benefitRecipients: { metric: "benefit_recipients" },
      jobStartsFromReintegration: { metric: "jobs_started_from_reintegration", list: true },
      wageCostSubsidiesActive: { metric: "wage_cost_subsidies_active" },
      workingWithWageCostSubsidyOrJobCoach: { metric: "working_with_lks_or_jobcoach" },
      flowToSicknessOrUnemploymentWithinYear: { metric: "flow_to_zw_ww_within_1y", list: true },
      flowToSicknessOrUnemploymentThreshold: { metric: "flow_to_zw_ww_threshold" },
    },
  },
  WswFacts: {
    root: "wswFacts",
    topic: "wsw",
    fields: {
      waitingList: { metric: "waiting_list" },
      shareAtRegularEmployers: { metric: "share_at_regular_employers", list: true },
      volumeVsForecast: { metric: "volume_vs_forecast" },
    },
  },
  ParticipationFacts: {
    root: "participationFacts",
    topic: "participatie_budget",
    fields: {
      wswStateContributionPerPlace: { metric: "wsw_state_contribution_per_place" },
      assumedYearlyInflowYoungDisabled: { metric: "assumed_new_inflow_young_disabled" },
      intensiveSupportBudgetPerPerson: { metric: "intensive_support_budget_per_person" },
      esfActiveInclusion: { metric: "esf_actieve_inclusie" },
    },
  },
  BuigFacts: {
    root: "buigFacts",
    topic: "buig",
    fields: {
      cumulativeResult: { metric: "cumulative_result" },
      cumulativeResultPercent: { metric: "cumulative_result_pct" },
      asylumAdvances: { metric: "asylum_advance_outside_macrobudget", list: true },
      macrobudgetAdjustmentOnProvisional: { metric: "macrobudget_adjustment_vs_provisional", list: true },
    },
  },
  ShelteredWorkFacts: {
    root: "shelteredWorkFacts",
    topic: "beschut_werk",
    fields: {
      stimulusBudget: { metric: "stimulus_budget" },
      municipalitiesOfferingNonePercent: { metric: "municipalities_offering_none_pct", list: true },
    },
  },
};
