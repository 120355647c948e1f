/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The stages at which a BUIG budget is set (voorlopig, nader voorlopig, definitief). */
export type BuigStage =
  /** Definitive budget (definitief budget), set in September of the year. */
  | 'DEFINITIVE'
  /** Further provisional budget (nader voorlopig budget), around the middle of the year. */
  | 'FURTHER_PROVISIONAL'
  /** Provisional budget (voorlopig budget), set in the autumn before the year. */
  | 'PROVISIONAL';

/** Topics of the municipal subgraph. */
export type MunicipalTopic =
  /** Benefit amounts and income norms (AOW, social assistance, IOAZ) as the letters correct them. */
  | 'BENEFIT_PARAMETERS'
  /** Sheltered work (beschut werk): places and the bonus. */
  | 'BESCHUT_WERK'
  /** Social assistance (bijstand) under the Participation Act. */
  | 'BIJSTAND'
  /** BUIG: the bundled benefit budget (gebundelde uitkering) for social assistance. */
  | 'BUIG'
  /** The experience surveys of the Participatiewet (ervaringsonderzoeken) of 2017. */
  | 'EXPERIENCE_SURVEY'
  /** Knowledge programmes (ZonMw), the municipalities' manifesto and the transformation of sheltered employment. */
  | 'KNOWLEDGE_AND_TRANSFORMATION'
  /** Participation budget (integratie-uitkering sociaal domein, onderdeel Participatie). */
  | 'PARTICIPATIE_BUDGET'
  /** Sheltered employment act (Wet sociale werkvoorziening, Wsw). */
  | 'WSW';

/** Which municipalities to list. */
export type MunicipalityFilter = {
  /**
   * Without a year: also list municipalities dissolved since 2010 (each in the region of its last year).
   * Default false. Ignored with a year, which lists that year's municipalities.
   */
  includeDissolved?: boolean | null | undefined;
  /** Only municipalities in this labour-market region in the year listed, e.g. AM01. */
  labourMarketRegionCode?: string | number | null | undefined;
  /** Only municipalities in this province, e.g. PV20. */
  provinceCode?: string | number | null | undefined;
};

/** Sort order for municipalities. */
export type MunicipalityOrder = {
  /** Ascending (A–Z, small to large) or descending. */
  direction?: SortDirection | null | undefined;
  /** What to sort by. */
  field: MunicipalitySortField;
};

/** What municipalities can be sorted by. */
export type MunicipalitySortField =
  /** CBS code. */
  | 'CODE'
  /** Name, Dutch collation. */
  | 'NAME'
  /** Latest population; municipalities without a figure come last. */
  | 'POPULATION';

/** Who published a candidate profile. */
export type ProfileChannel =
  /** Municipalities. */
  | 'MUNICIPAL'
  /** UWV. */
  | 'UWV';

/** How a document states a number; NOT_PUBLISHED for generated figures, which no document states. */
export type Qualifier =
  /** About (circa, ongeveer) or rounded. */
  | 'ABOUT'
  /** Almost (bijna). */
  | 'ALMOST'
  /** At least (minimaal). */
  | 'AT_LEAST'
  /** At most (maximaal, tot). */
  | 'AT_MOST'
  /** Expected (verwacht): a forecast by the publisher, not a measurement. */
  | 'FORECAST'
  /** More than (ruim). */
  | 'MORE_THAN'
  /** Not published by any document: a generated (SYNTHETIC) figure, or one computed from generated figures. */
  | 'NOT_PUBLISHED'
  /** Plainly, without qualification. */
  | 'STATED';

/** Who asked UWV for a sheltered-work assessment. */
export type Requester =
  /** The person themselves (burger), possible since 1 January 2017. */
  | 'CITIZEN'
  /** A municipality (gemeente). */
  | 'MUNICIPALITY'
  /** Both. */
  | 'TOTAL';

/** Whether a budget was overspent or underspent. */
export type ResultKind =
  /** Spending equalled the budget. */
  | 'BALANCED'
  /** Spending exceeded the budget (tekort). */
  | 'DEFICIT'
  /** Spending stayed below the budget (overschot). */
  | 'SURPLUS';

/** Background of people in the target-group register, for retention figures. */
export type RetentionBackground =
  /** Everyone in the register. */
  | 'ALL'
  /** Participation Act (Participatiewet). */
  | 'PARTICIPATIEWET'
  /** Wajong benefit. */
  | 'WAJONG'
  /** Sheltered employment act (Wsw). */
  | 'WSW';

/** A sector of employers in the job agreement. */
export type Sector =
  /** Government employers (overheid). */
  | 'GOVERNMENT'
  /** Market employers (marktsector). */
  | 'MARKET'
  /** Market and government together. */
  | 'TOTAL';

/** Sort direction. */
export type SortDirection =
  /** Ascending: A to Z, small to large. */
  | 'ASC'
  /** Descending: Z to A, large to small. */
  | 'DESC';

/** Whether a figure is published as such, computed from published figures, or generated. */
export type SourceKind =
  /** A parameter this service assumes because no source could be checked; the note says what it rests on. */
  | 'ASSUMED'
  /** Computed by this service from official figures (a sum, a share, a difference). */
  | 'DERIVED'
  /** Published by the body that owns the data (CBS, UWV, the ministry, a municipality). */
  | 'OFFICIAL'
  /** Generated for development and load tests; not real data. */
  | 'SYNTHETIC';

/** Units of published figures. */
export type Unit =
  /** A count of events or cases. */
  | 'COUNT'
  /** Euros. */
  | 'EUR'
  /** Millions of euros. */
  | 'EUR_MILLION'
  /** A grade out of 10 (rapportcijfer). */
  | 'GRADE'
  /** Hours a week. */
  | 'HOURS'
  /** Jobs of 25.5 paid hours a week (banen). */
  | 'JOBS'
  /** Labour years (arbeidsjaren). */
  | 'LABOUR_YEARS'
  /** Per cent (0–100). */
  | 'PERCENT'
  /** Persons. */
  | 'PERSONS'
  /** Sheltered-work places. */
  | 'PLACES'
  /** Candidate profiles. */
  | 'PROFILES'
  /** A fraction between 0 and 1. */
  | 'SHARE'
  /** Years. */
  | 'YEARS';

/** Topics of the uwv subgraph. */
export type UwvTopic =
  /** Job agreement (banenafspraak): extra jobs for people with a disability at regular employers. */
  | 'BANENAFSPRAAK'
  /** Figures around the job agreement: quotas in Europe, the ICT review, the campaign. */
  | 'BANENAFSPRAAK_CONTEXT'
  /** Sheltered-work assessments (beoordelingen beschut werk) and positive advice. */
  | 'BESCHUT_WERK'
  /** Support for employers: premium discounts, wage-cost advantages. */
  | 'EMPLOYER_SUPPORT'
  /** Individuele Plaatsing en Steun (IPS): placement and support for people in mental-health care. */
  | 'IPS'
  /** Cooperation in the labour-market regions (Berenschot, 2019). */
  | 'REGIONAL_COOPERATION'
  /** Job retention (duurzaamheid): who is still working after one or two years. */
  | 'RETENTION'
  /** The central government as an employer (Rijksoverheid). */
  | 'RIJK'
  /** Wajong: the disability benefit for young people. */
  | 'WAJONG';

export type MunicipalityQueryVariables = Exact<{
  code?: string | number | null | undefined;
  name?: string | null | undefined;
}>;


export type MunicipalityQuery = { municipality: { code: string, name: string, exists: boolean, lastYear: number, formerNames: Array<string>, province: { code: string, name: string }, labourMarketRegion: { code: string, name: string } | null, population: { value: number, referenceDate: string, source: { publisher: string, document: string, date: string, kind: SourceKind, note: string | null } } | null } | null };

export type MunicipalitiesQueryVariables = Exact<{
  filter?: MunicipalityFilter | null | undefined;
  orderBy?: MunicipalityOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MunicipalitiesQuery = { municipalities: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ code: string, name: string, labourMarketRegion: { code: string, name: string } | null, province: { code: string, name: string }, population: { value: number, referenceDate: string } | null }> } };

export type AreasQueryVariables = Exact<{ [key: string]: never; }>;


export type AreasQuery = { provinces: Array<{ code: string, name: string, labourMarketRegions: Array<{ code: string, name: string }>, population: { value: number, referenceDate: string, municipalityCount: number } | null }>, labourMarketRegions: Array<{ code: string, name: string, municipalityCount: number, population: { value: number, referenceDate: string } | null }> };

export type ProvinceQueryVariables = Exact<{
  code: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ProvinceQuery = { province: { code: string, name: string, labourMarketRegions: Array<{ code: string, name: string }>, population: { value: number, referenceDate: string, municipalityCount: number, source: { publisher: string, document: string, date: string, kind: SourceKind, note: string | null } } | null, municipalities: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ code: string, name: string }> } } | null };

export type RegionQueryVariables = Exact<{
  code: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RegionQuery = { labourMarketRegion: { code: string, name: string, municipalityCount: number, provinces: Array<{ code: string, name: string }>, population: { value: number, referenceDate: string, municipalityCount: number, source: { publisher: string, document: string, date: string, kind: SourceKind, note: string | null } } | null, municipalities: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ code: string, name: string, population: { value: number } | null }> } } | null };

export type MunicipalityBudgetQueryVariables = Exact<{
  code: string | number;
  year: number;
}>;


export type MunicipalityBudgetQuery = { municipality: { code: string, name: string, buig: { year: number, budget: { stage: BuigStage, value: string, qualifier: Qualifier, source: { publisher: string, document: string, date: string, kind: SourceKind, note: string | null } }, spending: { value: string, source: { publisher: string, document: string, date: string, kind: SourceKind, note: string | null } } | null, result: { amount: string, percentOfBudget: string | null, kind: ResultKind, source: { publisher: string, document: string, date: string, kind: SourceKind, note: string | null } } | null, safetyNet: { payment: string, eligible: boolean, deficitPercentOfBudget: string | null, rule: { ownRiskPercent: string, source: { kind: SourceKind, note: string | null } } } | null } | null, participationBudget: { classicTargetGroup: { share: string, amount: string } | null, newTargetGroup: { share: string, amount: string } | null, total: { value: string, source: { publisher: string, document: string, date: string, kind: SourceKind, note: string | null } } } | null, shelteredWorkPlaces: { progressPercent: string | null, target: { value: string } | null, realised: { value: string } | null } | null, labourMarketRegion: { code: string, name: string, buig: { municipalityCount: number, budget: { value: string }, spending: { value: string } | null, result: { amount: string, percentOfBudget: string | null } | null, safetyNetPayments: { value: string } | null } | null, participationBudget: { total: { value: string } } | null } | null } | null };

export type NationalBudgetsQueryVariables = Exact<{
  year: number;
}>;


export type NationalBudgetsQuery = { buigNational: { year: number, macrobudget: { stage: BuigStage, value: string, qualifier: Qualifier, source: { publisher: string, document: string, date: string, kind: SourceKind, note: string | null } } | null, macrobudgetStages: Array<{ stage: BuigStage, value: string, qualifier: Qualifier, publishedOn: string | null }>, changeOnPreviousYear: { value: string, qualifier: Qualifier } | null, publishedResult: { amount: string, percentOfBudget: string | null, kind: ResultKind, qualifier: Qualifier } | null, spending: { value: string, qualifier: Qualifier } | null, municipalTotal: { municipalityCount: number, budget: { value: string }, result: { amount: string, percentOfBudget: string | null } | null, safetyNetPayments: { value: string } | null } | null, budgetDifference: { value: string } | null, resultDifference: { value: string } | null } | null, participationBudget: { partsDifference: string, allocationDifference: string | null, total: { value: string }, classicTargetGroup: { value: string }, newTargetGroup: { value: string }, partsSum: { value: string } } | null, shelteredWorkPlaces: { targetDifference: string | null, publishedTarget: { value: string } | null, publishedRealised: { value: string } | null, municipalTotal: { target: { value: string } | null, realised: { value: string } | null } | null } | null };

export type BudgetSeriesQueryVariables = Exact<{ [key: string]: never; }>;


export type BudgetSeriesQuery = { buigNationalYears: Array<{ year: number, macrobudget: { value: string, qualifier: Qualifier } | null, publishedResult: { amount: string, percentOfBudget: string | null, qualifier: Qualifier } | null }>, participationBudgets: Array<{ year: number, total: { value: string }, classicTargetGroup: { value: string }, newTargetGroup: { value: string } }>, safetyNetRules: Array<{ year: number, ownRiskPercent: string, bands: Array<{ fromPercent: string, toPercent: string | null, compensationPercent: string }>, source: { kind: SourceKind, note: string | null } }>, shelteredWorkBonus: Array<{ period: string, paidPercent: string | null, available: { value: string } | null, paid: { value: string } | null, retained: { value: string } | null }> };

export type MunicipalFiguresQueryVariables = Exact<{
  topic?: MunicipalTopic | null | undefined;
  metric?: string | null | undefined;
  period?: string | null | undefined;
}>;


export type MunicipalFiguresQuery = { municipalFigures: Array<{ topic: string, metric: string, period: string, periodStart: string | null, periodEnd: string | null, dimension: string, value: string, unit: Unit, qualifier: Qualifier, note: string | null, source: { publisher: string, document: string, date: string, kind: SourceKind, note: string | null } }> };

export type UwvFiguresQueryVariables = Exact<{
  topic?: UwvTopic | null | undefined;
  metric?: string | null | undefined;
  period?: string | null | undefined;
}>;


export type UwvFiguresQuery = { uwvFigures: Array<{ topic: string, metric: string, period: string, periodStart: string | null, periodEnd: string | null, dimension: string, value: string, unit: Unit, qualifier: Qualifier, note: string | null, source: { publisher: string, document: string, date: string, kind: SourceKind, note: string | null } }> };

export type JobAgreementQueryVariables = Exact<{
  year: number;
}>;


export type JobAgreementQuery = { jobAgreement: { year: number, baselineJobs: { value: string } | null, hiredJobs: { value: string } | null, totalJobs: { value: string } | null, publishedTotalJobs: { value: string } | null, sectors: Array<{ sector: Sector, extraJobsDifference: string | null, hiredSharePercent: string | null, progressPercent: string | null, targetMet: boolean | null, allocationKey: { value: string } | null, directExtraJobs: { value: string } | null, hiredExtraJobs: { value: string } | null, extraJobs: { value: string } | null, publishedExtraJobs: { value: string } | null, target: { value: string } | null, shortfall: { value: string } | null, surplus: { value: string } | null, changeOnPreviousYear: { value: string } | null, quota: { applies: boolean | null, missingJobs: string | null, levy: { value: string, source: { kind: SourceKind, note: string | null } } | null } | null }> } | null };

export type JobAgreementSeriesQueryVariables = Exact<{ [key: string]: never; }>;


export type JobAgreementSeriesQuery = { jobAgreementYears: Array<{ year: number, sectors: Array<{ sector: Sector, progressPercent: string | null, target: { value: string } | null, realisedExtraJobs: { value: string } | null }> }>, quotaRules: Array<{ sector: Sector, yearFrom: number, yearTo: number, applies: boolean, levyPerJob: { value: string, source: { kind: SourceKind, note: string | null } }, activationSource: { document: string, date: string } }> };

export type RegionJobAgreementQueryVariables = Exact<{
  code: string | number;
  fromYear?: number | null | undefined;
  toYear?: number | null | undefined;
  quarterly?: boolean | null | undefined;
}>;


export type RegionJobAgreementQuery = { labourMarketRegion: { code: string, name: string, jobAgreementSeries: Array<{ period: string, jobs: string, baselineJobs: string | null, extraJobs: string | null, changeOnPreviousYear: string | null, changeOnPreviousQuarter: string | null, source: { publisher: string, document: string, date: string, kind: SourceKind, note: string | null } }> } | null };

export type RegionalJobsQueryVariables = Exact<{
  year: number;
  quarter?: number | null | undefined;
}>;


export type RegionalJobsQuery = { labourMarketRegions: Array<{ code: string, name: string, jobAgreement: { period: string, jobs: string, extraJobs: string | null, changeOnPreviousYear: string | null } | null }>, regionalJobTotals: { regionCount: number, difference: string | null, jobs: { value: string }, publishedNationalJobs: { value: string } | null } | null };

export type ShelteredWorkAssessmentsQueryVariables = Exact<{
  period?: string | null | undefined;
  requester?: Requester | null | undefined;
}>;


export type ShelteredWorkAssessmentsQuery = { shelteredWorkAssessments: Array<{ period: string, periodStart: string | null, periodEnd: string | null, requester: Requester, assessments: number | null, positive: number | null, positiveRatePercent: string | null, publishedPositiveRatePercent: string | null, rateDifference: string | null, source: { publisher: string, document: string, date: string, kind: SourceKind, note: string | null } }> };

export type RetentionAndProfilesQueryVariables = Exact<{
  background?: RetentionBackground | null | undefined;
  period?: string | null | undefined;
}>;


export type RetentionAndProfilesQuery = { retention: Array<{ metric: string, period: string, background: RetentionBackground, percent: string, qualifier: Qualifier, note: string | null }>, candidateProfiles: Array<{ period: string, channel: ProfileChannel, profiles: number, sharePercent: string | null }> };

export type DashboardMetaQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardMetaQuery = { referenceYears: { regionMembership: Array<number>, populationDates: Array<string> }, jobAgreementYears: Array<{ year: number }>, municipalities: { nodes: Array<{ buigYears: Array<number> }> } };

export type DashboardRegionsJobsQueryVariables = Exact<{
  year: number;
  populationDate?: string | null | undefined;
}>;


export type DashboardRegionsJobsQuery = { labourMarketRegions: Array<{ code: string, name: string, population: { value: number, referenceDate: string, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } | null, jobAgreement: { jobs: string, extraJobs: string | null, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } | null }> };

export type DashboardRegionsBuigQueryVariables = Exact<{
  year: number;
}>;


export type DashboardRegionsBuigQuery = { labourMarketRegions: Array<{ code: string, name: string, buig: { result: { percentOfBudget: string | null, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } | null } | null }> };

export type DashboardRegionsShelteredWorkQueryVariables = Exact<{
  year: number;
}>;


export type DashboardRegionsShelteredWorkQuery = { labourMarketRegions: Array<{ code: string, name: string, shelteredWorkPlaces: { progressPercent: string | null, realised: { source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } | null } | null }> };

export type DashboardJobAgreementQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardJobAgreementQuery = { jobAgreementYears: Array<{ year: number, sectors: Array<{ sector: Sector, progressPercent: string | null, target: { value: string, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } | null, realisedExtraJobs: { value: string, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } | null }> }> };

export type DashboardRegionQueryVariables = Exact<{
  code: string | number;
  year: number;
  populationDate?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type DashboardRegionQuery = { regionClassification: { kind: SourceKind, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } | null, labourMarketRegion: { code: string, name: string, municipalities: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ code: string, name: string, regionMembership: { kind: SourceKind, uncertain: boolean, reason: string | null, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } | null, population: { value: number, referenceDate: string, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } | null, buig: { budget: { value: string, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } }, spending: { value: string, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } | null, result: { amount: string, percentOfBudget: string | null, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } | null } | null, participationBudget: { total: { value: string, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } } | null, shelteredWorkPlaces: { target: { value: string, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } | null, realised: { value: string, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } | null } | null }> } } | null };

export type DashboardRegionYearQueryVariables = Exact<{
  code: string | number;
  year: number;
}>;


export type DashboardRegionYearQuery = { labourMarketRegion: { code: string, buig: { budget: { value: string, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } }, spending: { value: string, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } | null } | null, participationBudget: { total: { value: string, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } } | null, shelteredWorkPlaces: { target: { value: string, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } | null, realised: { value: string, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } } | null } | null } | null };

export type DashboardRegionJobsQueryVariables = Exact<{
  code: string | number;
}>;


export type DashboardRegionJobsQuery = { labourMarketRegion: { code: string, jobAgreementSeries: Array<{ year: number, jobs: string, extraJobs: string | null, source: { publisher: string, document: string, date: string, kind: SourceKind, license: string | null, note: string | null } }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const MunicipalityDocument = new TypedDocumentString(`
    query Municipality($code: ID, $name: String) {
  municipality(code: $code, name: $name) {
    code
    name
    exists
    lastYear
    formerNames
    province {
      code
      name
    }
    labourMarketRegion {
      code
      name
    }
    population {
      value
      referenceDate
      source {
        publisher
        document
        date
        kind
        note
      }
    }
  }
}
    `, {"hash":"sha256:3ef79d8b010a497d6d38f05d411bd4086f6e747dad2d82420a26ac59db10c300"}) as unknown as TypedDocumentString<MunicipalityQuery, MunicipalityQueryVariables>;
export const MunicipalitiesDocument = new TypedDocumentString(`
    query Municipalities($filter: MunicipalityFilter, $orderBy: MunicipalityOrder, $first: Int, $after: String) {
  municipalities(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      code
      name
      labourMarketRegion {
        code
        name
      }
      province {
        code
        name
      }
      population {
        value
        referenceDate
      }
    }
  }
}
    `, {"hash":"sha256:aea4e410d9308f2062a6cd14cfa4e25ef2097496110453a04bcfe091733da611"}) as unknown as TypedDocumentString<MunicipalitiesQuery, MunicipalitiesQueryVariables>;
export const AreasDocument = new TypedDocumentString(`
    query Areas {
  provinces {
    code
    name
    labourMarketRegions {
      code
      name
    }
    population {
      value
      referenceDate
      municipalityCount
    }
  }
  labourMarketRegions {
    code
    name
    municipalityCount
    population {
      value
      referenceDate
    }
  }
}
    `, {"hash":"sha256:1bc78584b8fa3568999905ba19ef5c9a6879c78a0e53f50842e959e5a8eeef1a"}) as unknown as TypedDocumentString<AreasQuery, AreasQueryVariables>;
export const ProvinceDocument = new TypedDocumentString(`
    query Province($code: ID!, $first: Int, $after: String) {
  province(code: $code) {
    code
    name
    labourMarketRegions {
      code
      name
    }
    population {
      value
      referenceDate
      municipalityCount
      source {
        publisher
        document
        date
        kind
        note
      }
    }
    municipalities(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        code
        name
      }
    }
  }
}
    `, {"hash":"sha256:4f72b76aaa435b0d19e3cd12f63788bd8dd7ceff00cbcb31edaf0182524bb06a"}) as unknown as TypedDocumentString<ProvinceQuery, ProvinceQueryVariables>;
export const RegionDocument = new TypedDocumentString(`
    query Region($code: ID!, $first: Int, $after: String) {
  labourMarketRegion(code: $code) {
    code
    name
    municipalityCount
    provinces {
      code
      name
    }
    population {
      value
      referenceDate
      municipalityCount
      source {
        publisher
        document
        date
        kind
        note
      }
    }
    municipalities(
      first: $first
      after: $after
      orderBy: {field: POPULATION, direction: DESC}
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        code
        name
        population {
          value
        }
      }
    }
  }
}
    `, {"hash":"sha256:a20a6cea4896030bacdac4764b4dead74b04eb86d9aaee56e690d9bd80b71ed2"}) as unknown as TypedDocumentString<RegionQuery, RegionQueryVariables>;
export const MunicipalityBudgetDocument = new TypedDocumentString(`
    query MunicipalityBudget($code: ID!, $year: Int!) {
  municipality(code: $code) {
    code
    name
    buig(year: $year) {
      year
      budget {
        stage
        value
        qualifier
        source {
          publisher
          document
          date
          kind
          note
        }
      }
      spending {
        value
        source {
          publisher
          document
          date
          kind
          note
        }
      }
      result {
        amount
        percentOfBudget
        kind
        source {
          publisher
          document
          date
          kind
          note
        }
      }
      safetyNet {
        payment
        eligible
        deficitPercentOfBudget
        rule {
          ownRiskPercent
          source {
            kind
            note
          }
        }
      }
    }
    participationBudget(year: $year) {
      classicTargetGroup {
        share
        amount
      }
      newTargetGroup {
        share
        amount
      }
      total {
        value
        source {
          publisher
          document
          date
          kind
          note
        }
      }
    }
    shelteredWorkPlaces(year: $year) {
      target {
        value
      }
      realised {
        value
      }
      progressPercent
    }
    labourMarketRegion {
      code
      name
      buig(year: $year) {
        municipalityCount
        budget {
          value
        }
        spending {
          value
        }
        result {
          amount
          percentOfBudget
        }
        safetyNetPayments {
          value
        }
      }
      participationBudget(year: $year) {
        total {
          value
        }
      }
    }
  }
}
    `, {"hash":"sha256:2a19742363a7f2044217e2d6dd45d369323b1d6732623382cbc985f65cce7328"}) as unknown as TypedDocumentString<MunicipalityBudgetQuery, MunicipalityBudgetQueryVariables>;
export const NationalBudgetsDocument = new TypedDocumentString(`
    query NationalBudgets($year: Int!) {
  buigNational(year: $year) {
    year
    macrobudget {
      stage
      value
      qualifier
      source {
        publisher
        document
        date
        kind
        note
      }
    }
    macrobudgetStages {
      stage
      value
      qualifier
      publishedOn
    }
    changeOnPreviousYear {
      value
      qualifier
    }
    publishedResult {
      amount
      percentOfBudget
      kind
      qualifier
    }
    spending {
      value
      qualifier
    }
    municipalTotal {
      municipalityCount
      budget {
        value
      }
      result {
        amount
        percentOfBudget
      }
      safetyNetPayments {
        value
      }
    }
    budgetDifference {
      value
    }
    resultDifference {
      value
    }
  }
  participationBudget(year: $year) {
    total {
      value
    }
    classicTargetGroup {
      value
    }
    newTargetGroup {
      value
    }
    partsSum {
      value
    }
    partsDifference
    allocationDifference
  }
  shelteredWorkPlaces(year: $year) {
    publishedTarget {
      value
    }
    publishedRealised {
      value
    }
    municipalTotal {
      target {
        value
      }
      realised {
        value
      }
    }
    targetDifference
  }
}
    `, {"hash":"sha256:f7d9847cfa4aa7c9378f750235faff1d62fb6b04578f015f7feecf4c34786e74"}) as unknown as TypedDocumentString<NationalBudgetsQuery, NationalBudgetsQueryVariables>;
export const BudgetSeriesDocument = new TypedDocumentString(`
    query BudgetSeries {
  buigNationalYears {
    year
    macrobudget {
      value
      qualifier
    }
    publishedResult {
      amount
      percentOfBudget
      qualifier
    }
  }
  participationBudgets {
    year
    total {
      value
    }
    classicTargetGroup {
      value
    }
    newTargetGroup {
      value
    }
  }
  safetyNetRules {
    year
    ownRiskPercent
    bands {
      fromPercent
      toPercent
      compensationPercent
    }
    source {
      kind
      note
    }
  }
  shelteredWorkBonus {
    period
    available {
      value
    }
    paid {
      value
    }
    retained {
      value
    }
    paidPercent
  }
}
    `, {"hash":"sha256:dd28a2bc4ca178ce120b942027bff5eedd12d33f1a275e383e523a1d49c5021b"}) as unknown as TypedDocumentString<BudgetSeriesQuery, BudgetSeriesQueryVariables>;
export const MunicipalFiguresDocument = new TypedDocumentString(`
    query MunicipalFigures($topic: MunicipalTopic, $metric: String, $period: String) {
  municipalFigures(topic: $topic, metric: $metric, period: $period) {
    topic
    metric
    period
    periodStart
    periodEnd
    dimension
    value
    unit
    qualifier
    note
    source {
      publisher
      document
      date
      kind
      note
    }
  }
}
    `, {"hash":"sha256:ac27e71199495bfd0d9be85acd2d5804208feb2e677c99a09f4fd06b1cdbdb69"}) as unknown as TypedDocumentString<MunicipalFiguresQuery, MunicipalFiguresQueryVariables>;
export const UwvFiguresDocument = new TypedDocumentString(`
    query UwvFigures($topic: UwvTopic, $metric: String, $period: String) {
  uwvFigures(topic: $topic, metric: $metric, period: $period) {
    topic
    metric
    period
    periodStart
    periodEnd
    dimension
    value
    unit
    qualifier
    note
    source {
      publisher
      document
      date
      kind
      note
    }
  }
}
    `, {"hash":"sha256:c3ea3979c5190339796f29a1a6303e5d63c3b2a8498a29948c202c8167cf84cb"}) as unknown as TypedDocumentString<UwvFiguresQuery, UwvFiguresQueryVariables>;
export const JobAgreementDocument = new TypedDocumentString(`
    query JobAgreement($year: Int!) {
  jobAgreement(year: $year) {
    year
    baselineJobs {
      value
    }
    hiredJobs {
      value
    }
    totalJobs {
      value
    }
    publishedTotalJobs {
      value
    }
    sectors {
      sector
      allocationKey {
        value
      }
      directExtraJobs {
        value
      }
      hiredExtraJobs {
        value
      }
      extraJobs {
        value
      }
      publishedExtraJobs {
        value
      }
      extraJobsDifference
      hiredSharePercent
      target {
        value
      }
      shortfall {
        value
      }
      surplus {
        value
      }
      progressPercent
      targetMet
      changeOnPreviousYear {
        value
      }
      quota {
        applies
        missingJobs
        levy {
          value
          source {
            kind
            note
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:4cc31ebcc953b9541d3a1a30e334d0f81d07f07a6c13763fd616a7741859affb"}) as unknown as TypedDocumentString<JobAgreementQuery, JobAgreementQueryVariables>;
export const JobAgreementSeriesDocument = new TypedDocumentString(`
    query JobAgreementSeries {
  jobAgreementYears {
    year
    sectors {
      sector
      target {
        value
      }
      realisedExtraJobs {
        value
      }
      progressPercent
    }
  }
  quotaRules {
    sector
    yearFrom
    yearTo
    applies
    levyPerJob {
      value
      source {
        kind
        note
      }
    }
    activationSource {
      document
      date
    }
  }
}
    `, {"hash":"sha256:ea7b23787bf515bdfe7575e936130b2a5519654ae94d27388355b6baf28226ad"}) as unknown as TypedDocumentString<JobAgreementSeriesQuery, JobAgreementSeriesQueryVariables>;
export const RegionJobAgreementDocument = new TypedDocumentString(`
    query RegionJobAgreement($code: ID!, $fromYear: Int, $toYear: Int, $quarterly: Boolean) {
  labourMarketRegion(code: $code) {
    code
    name
    jobAgreementSeries(fromYear: $fromYear, toYear: $toYear, quarterly: $quarterly) {
      period
      jobs
      baselineJobs
      extraJobs
      changeOnPreviousYear
      changeOnPreviousQuarter
      source {
        publisher
        document
        date
        kind
        note
      }
    }
  }
}
    `, {"hash":"sha256:021e7b6f21d8b34a4e78a5ddaa2d61019095d0a143cadf25ace9cffc20a74751"}) as unknown as TypedDocumentString<RegionJobAgreementQuery, RegionJobAgreementQueryVariables>;
export const RegionalJobsDocument = new TypedDocumentString(`
    query RegionalJobs($year: Int!, $quarter: Int) {
  labourMarketRegions(year: $year) {
    code
    name
    jobAgreement(year: $year, quarter: $quarter) {
      period
      jobs
      extraJobs
      changeOnPreviousYear
    }
  }
  regionalJobTotals(year: $year, quarter: $quarter) {
    regionCount
    jobs {
      value
    }
    publishedNationalJobs {
      value
    }
    difference
  }
}
    `, {"hash":"sha256:cb8ddf5c40ca16eb4d2455d97cdc7a7b6bb06b4b929899013613dfc001176cff"}) as unknown as TypedDocumentString<RegionalJobsQuery, RegionalJobsQueryVariables>;
export const ShelteredWorkAssessmentsDocument = new TypedDocumentString(`
    query ShelteredWorkAssessments($period: String, $requester: Requester) {
  shelteredWorkAssessments(period: $period, requester: $requester) {
    period
    periodStart
    periodEnd
    requester
    assessments
    positive
    positiveRatePercent
    publishedPositiveRatePercent
    rateDifference
    source {
      publisher
      document
      date
      kind
      note
    }
  }
}
    `, {"hash":"sha256:6ad4f872c01103220b25fa06cd2fd06fbad6eafdc768991cff555a2112a1bb0e"}) as unknown as TypedDocumentString<ShelteredWorkAssessmentsQuery, ShelteredWorkAssessmentsQueryVariables>;
export const RetentionAndProfilesDocument = new TypedDocumentString(`
    query RetentionAndProfiles($background: RetentionBackground, $period: String) {
  retention(background: $background, period: $period) {
    metric
    period
    background
    percent
    qualifier
    note
  }
  candidateProfiles {
    period
    channel
    profiles
    sharePercent
  }
}
    `, {"hash":"sha256:989019ff1f0a3701651990396dd7356826003853d36c06ed66bdc2536908bdb0"}) as unknown as TypedDocumentString<RetentionAndProfilesQuery, RetentionAndProfilesQueryVariables>;
export const DashboardMetaDocument = new TypedDocumentString(`
    query DashboardMeta {
  referenceYears {
    regionMembership
    populationDates
  }
  jobAgreementYears {
    year
  }
  municipalities(first: 1) {
    nodes {
      buigYears
    }
  }
}
    `, {"hash":"sha256:a54009da9e5afd3852982e109c88111863b3ee93d7f6f1148c82cf32b522ab0b"}) as unknown as TypedDocumentString<DashboardMetaQuery, DashboardMetaQueryVariables>;
export const DashboardRegionsJobsDocument = new TypedDocumentString(`
    query DashboardRegionsJobs($year: Int!, $populationDate: Date) {
  labourMarketRegions(year: $year) {
    code
    name(year: $year)
    population(referenceDate: $populationDate) {
      value
      referenceDate
      source {
        publisher
        document
        date
        kind
        license
        note
      }
    }
    jobAgreement(year: $year) {
      jobs
      extraJobs
      source {
        publisher
        document
        date
        kind
        license
        note
      }
    }
  }
}
    `, {"hash":"sha256:7c1a070961c7ad1aa267be6bfdbeee8fdd7c3a35093b70d01f9039be6f2b4c8c"}) as unknown as TypedDocumentString<DashboardRegionsJobsQuery, DashboardRegionsJobsQueryVariables>;
export const DashboardRegionsBuigDocument = new TypedDocumentString(`
    query DashboardRegionsBuig($year: Int!) {
  labourMarketRegions(year: $year) {
    code
    name(year: $year)
    buig(year: $year) {
      result {
        percentOfBudget
        source {
          publisher
          document
          date
          kind
          license
          note
        }
      }
    }
  }
}
    `, {"hash":"sha256:60984126ae3b585e63cb09eeb18c89d84c1cb528361c5c27039154c12f94e5b7"}) as unknown as TypedDocumentString<DashboardRegionsBuigQuery, DashboardRegionsBuigQueryVariables>;
export const DashboardRegionsShelteredWorkDocument = new TypedDocumentString(`
    query DashboardRegionsShelteredWork($year: Int!) {
  labourMarketRegions(year: $year) {
    code
    name(year: $year)
    shelteredWorkPlaces(year: $year) {
      progressPercent
      realised {
        source {
          publisher
          document
          date
          kind
          license
          note
        }
      }
    }
  }
}
    `, {"hash":"sha256:43023d720d03b9414bf09a522287b90654eeec919d679c6894ca0481e6674099"}) as unknown as TypedDocumentString<DashboardRegionsShelteredWorkQuery, DashboardRegionsShelteredWorkQueryVariables>;
export const DashboardJobAgreementDocument = new TypedDocumentString(`
    query DashboardJobAgreement {
  jobAgreementYears {
    year
    sectors {
      sector
      target {
        value
        source {
          publisher
          document
          date
          kind
          license
          note
        }
      }
      realisedExtraJobs {
        value
        source {
          publisher
          document
          date
          kind
          license
          note
        }
      }
      progressPercent
    }
  }
}
    `, {"hash":"sha256:a6d71497b52cde435b3c36031822b3986cff170bcb8194e9b60b6fe8a20d5e30"}) as unknown as TypedDocumentString<DashboardJobAgreementQuery, DashboardJobAgreementQueryVariables>;
export const DashboardRegionDocument = new TypedDocumentString(`
    query DashboardRegion($code: ID!, $year: Int!, $populationDate: Date, $after: String) {
  regionClassification(year: $year) {
    kind
    source {
      publisher
      document
      date
      kind
      license
      note
    }
  }
  labourMarketRegion(code: $code) {
    code
    name(year: $year)
    municipalities(year: $year, first: 30, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        code
        name(year: $year)
        regionMembership(year: $year) {
          kind
          uncertain
          reason
          source {
            publisher
            document
            date
            kind
            license
            note
          }
        }
        population(referenceDate: $populationDate) {
          value
          referenceDate
          source {
            publisher
            document
            date
            kind
            license
            note
          }
        }
        buig(year: $year) {
          budget {
            value
            source {
              publisher
              document
              date
              kind
              license
              note
            }
          }
          spending {
            value
            source {
              publisher
              document
              date
              kind
              license
              note
            }
          }
          result {
            amount
            percentOfBudget
            source {
              publisher
              document
              date
              kind
              license
              note
            }
          }
        }
        participationBudget(year: $year) {
          total {
            value
            source {
              publisher
              document
              date
              kind
              license
              note
            }
          }
        }
        shelteredWorkPlaces(year: $year) {
          target {
            value
            source {
              publisher
              document
              date
              kind
              license
              note
            }
          }
          realised {
            value
            source {
              publisher
              document
              date
              kind
              license
              note
            }
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:21f91caae70eb98285145ce5995745747b7175768aed6e5c90e60d5b0543867f"}) as unknown as TypedDocumentString<DashboardRegionQuery, DashboardRegionQueryVariables>;
export const DashboardRegionYearDocument = new TypedDocumentString(`
    query DashboardRegionYear($code: ID!, $year: Int!) {
  labourMarketRegion(code: $code) {
    code
    buig(year: $year) {
      budget {
        value
        source {
          publisher
          document
          date
          kind
          license
          note
        }
      }
      spending {
        value
        source {
          publisher
          document
          date
          kind
          license
          note
        }
      }
    }
    participationBudget(year: $year) {
      total {
        value
        source {
          publisher
          document
          date
          kind
          license
          note
        }
      }
    }
    shelteredWorkPlaces(year: $year) {
      target {
        value
        source {
          publisher
          document
          date
          kind
          license
          note
        }
      }
      realised {
        value
        source {
          publisher
          document
          date
          kind
          license
          note
        }
      }
    }
  }
}
    `, {"hash":"sha256:af1ed4d924066f3b677f844f2423b078a0d9b4cb2530cc67c1255038d42c1d3b"}) as unknown as TypedDocumentString<DashboardRegionYearQuery, DashboardRegionYearQueryVariables>;
export const DashboardRegionJobsDocument = new TypedDocumentString(`
    query DashboardRegionJobs($code: ID!) {
  labourMarketRegion(code: $code) {
    code
    jobAgreementSeries {
      year
      jobs
      extraJobs
      source {
        publisher
        document
        date
        kind
        license
        note
      }
    }
  }
}
    `, {"hash":"sha256:57ef1d56dc23724b1f2943a1c0ab566fcf1a63c790bbf718d4b14a3d4ad19da2"}) as unknown as TypedDocumentString<DashboardRegionJobsQuery, DashboardRegionJobsQueryVariables>;