// Typed homes for the letters' facts that have no richer type: each field is one published figure
// (or its series over periods), read from the official figures by metric. The coverage test
// (test/figures/coverage.test.ts) lists every row of the figures file with the field that serves it.
import type { FactTypes } from "../../common/official-figures/facts.ts";

export const FACTS: FactTypes = {
  RegionalCooperation: {
    root: "regionalCooperation",
    topic: "regional_cooperation",
    fields: {
      regionsWithMarketApproachAgreements: { metric: "regions_with_market_approach_agreements" },
      regionsWithInstrumentAgreements: { metric: "regions_with_instrument_agreements" },
      regionsWithInstrumentAgreementsOfUwvAndAllMunicipalities: {
        metric: "regions_with_instrument_agreements_uwv_and_all_municipalities",
      },
      regionsWithOutputTarget: { metric: "regions_with_output_target" },
    },
  },
  JobAgreementContext: {
    root: "jobAgreementContext",
    topic: "banenafspraak_context",
    fields: {
      euCountriesWithQuota: { metric: "eu_countries_with_quota" },
      bitReviewThreshold: { metric: "bit_review_threshold" },
      campaignLinkedinAdImpressions: { metric: "campaign_linkedin_ad_impressions" },
      campaignLinkedinPageViews: { metric: "campaign_linkedin_page_views" },
    },
  },
  IpsScheme: {
    root: "ipsScheme",
    topic: "ips",
    fields: {
      budget: { metric: "scheme_budget" },
      peoplePerYear: { metric: "people_per_year" },
      yearsOfTrajectories: { metric: "scheme_years_of_trajectories" },
      regionsWithGgzWorkPlan: { metric: "regions_with_ggz_work_plan" },
    },
  },
  WajongReclassification: {
    root: "wajongReclassification",
    topic: "wajong",
    fields: {
      classifiedOldWajong: { metric: "classified_old_wajong" },
      classifiedWajong2010: { metric: "classified_wajong2010" },
      expectedWithWorkCapacity: { metric: "with_work_capacity" },
      expectedWithWorkCapacityOldWajong: { metric: "with_work_capacity_old_wajong" },
      benefitPercentOfMinimumWage: { metric: "benefit_pct_minimum_wage", list: true },
      activationBudget: { metric: "activation_budget" },
    },
  },
  WajongActivation: {
    root: "wajongActivation",
    topic: "wajong",
    fields: {
      inWorkOrSupport: { metric: "old_wajong_in_work_or_support" },
      calledForIntake: { metric: "old_wajong_called_for_intake" },
      intakeOutcomes: { metric: "intake_outcome_pct", list: true },
      reintegrationTrajectoriesBought: { metric: "reintegration_trajectories_bought" },
      placed: { metric: "old_wajong_placed" },
    },
  },
  WorkingPeopleWithDisability: {
    root: "workingPeopleWithDisability",
    topic: "banenafspraak",
    fields: {
      persons: { metric: "working_people_with_disability", list: true },
      personsCounting: { metric: "working_people_counting", list: true },
      jobsChange: { metric: "jobs_change_25_5h", list: true },
      retentionStudyBaseGroup: { metric: "retention_study_base_group" },
    },
  },
  ShelteredWorkAdvice: {
    root: "shelteredWorkAdvice",
    topic: "beschut_werk",
    fields: {
      positiveAdvicesCumulative: { metric: "positive_advices_cumulative", list: true },
      workingWithinThreeMonthsPercent: { metric: "working_within_3_months_of_positive_advice" },
      positiveAdvicesOnOwnRequest: { metric: "positive_advices_own_request_cumulative", list: true },
      monthlyPositiveRatePercent: { metric: "positive_advice_rate_month_pct", list: true },
      monthlyAssessmentsAverage: { metric: "monthly_assessments_average" },
    },
  },
  EmployerSupportFacts: {
    root: "employerSupportFacts",
    topic: "employer_support",
    fields: {
      maxYearlyAdvantagePerEmployee: { metric: "max_yearly_advantage_per_employee" },
      lkvMaxYears: { metric: "lkv_max_years" },
      calculatorMaxSteps: { metric: "calculator_max_steps" },
    },
  },
  GovernmentAsEmployer: {
    root: "governmentAsEmployer",
    topic: "rijk",
    fields: {
      binnenwerkExtraJobs: { metric: "binnenwerk_extra_jobs", list: true },
      socialReturnObligationsPerYear: { metric: "social_return_obligations" },
    },
  },
};
