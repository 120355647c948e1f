// All of the dashboard's data access: the typed client's persisted documents (web/src/operations.graphql)
// turned into the plain figures the views draw, for the regions and members of the chosen year (the
// time-aware graph). A change of schema or documents stops here.
import {
  createClient,
  DashboardJobAgreementDocument,
  DashboardMetaDocument,
  DashboardRegionDocument,
  DashboardRegionJobsDocument,
  DashboardRegionsBuigDocument,
  DashboardRegionsJobsDocument,
  DashboardRegionsShelteredWorkDocument,
  DashboardRegionYearDocument,
  type Sector,
  type SourceKind,
} from "../../src/client/index.ts";

export interface Source {
  publisher: string;
  document: string;
  date: string;
  kind: SourceKind;
  license: string | null;
  note: string | null;
}

/** A number exactly as the API gives it (a decimal string), with its source; value null: no figure. */
export interface Figure {
  value: string | null;
  source: Source | null;
  /** the date a count refers to (population: 1 January), when it has one */
  date?: string;
}

export interface Meta {
  /** years the year control offers, oldest first */
  years: number[];
  /** dates CBS population is published for (1 January), oldest first */
  populationDates: string[];
}

export interface RegionFigures {
  code: string;
  name: string;
  population: Figure;
  jobs: Figure;
  extraJobs: Figure;
  buigResultPercent: Figure;
  shelteredProgress: Figure;
}

export interface SectorResult {
  year: number;
  sector: Sector;
  target: Figure;
  realised: Figure;
}

export interface MunicipalityRow {
  code: string;
  name: string;
  /** how the municipality is known to lie in the region that year: its source, and whether it is uncertain */
  membership: { source: Source | null; uncertain: boolean; reason: string | null };
  population: Figure;
  buigBudget: Figure;
  buigSpending: Figure;
  buigResult: Figure;
  buigResultPercent: Figure;
  participationBudget: Figure;
  shelteredTarget: Figure;
  shelteredRealised: Figure;
}

export interface RegionTable {
  code: string;
  name: string;
  year: number;
  populationDate: string;
  /** the year's region classification: published (OFFICIAL), imported, or DERIVED by a rule */
  classification: Source | null;
  municipalities: MunicipalityRow[];
}

export interface RegionYear {
  year: number;
  buigBudget: Figure;
  buigSpending: Figure;
  participationBudget: Figure;
  shelteredTarget: Figure;
  shelteredRealised: Figure;
}

export interface RegionJobsYear {
  year: number;
  jobs: Figure;
  extraJobs: Figure;
}

const client = createClient({ url: new URL("/graphql", window.location.href).toString() });

const NONE: Figure = { value: null, source: null };
const fig = (node: { value: string | number; source: Source; referenceDate?: string } | null | undefined): Figure =>
  node
    ? { value: String(node.value), source: node.source, ...(node.referenceDate ? { date: node.referenceDate } : {}) }
    : NONE;

/** A figure the gateway computed from another one (a percentage), keeping that one's kind and note. */
const computedFrom = (value: string | null | undefined, from: Source | undefined, how: string): Figure =>
  value == null || !from ? NONE : { value, source: { ...from, note: [how, from.note].filter(Boolean).join(" ") } };

// Answers are kept for the page's lifetime: going back to a year or a region asks nothing again.
const cache = new Map<string, Promise<unknown>>();
function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let promise = cache.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = load();
    // a failure is not kept: "try again" must ask again
    promise.catch(() => cache.delete(key));
    cache.set(key, promise);
  }
  return promise;
}

export function loadMeta(): Promise<Meta> {
  return once("meta", async () => {
    const data = await client.request(DashboardMetaDocument);
    // years with municipal figures (BUIG, sheltered work, and with them the generated regional jobs);
    // without any (SYNTHETIC_DATA=off and nothing imported), the years of the national job agreement
    const buigYears = data.municipalities.nodes[0]?.buigYears ?? [];
    const withFigures = new Set(buigYears.length > 0 ? buigYears : data.jobAgreementYears.map((y) => y.year));
    const membership = data.referenceYears.regionMembership;
    const years = membership.filter((year) => withFigures.has(year));
    return {
      years: years.length > 0 ? years : membership,
      populationDates: [...data.referenceYears.populationDates].sort(),
    };
  });
}

/**
 * The population date to set beside a year's figures: the published 1 January nearest to the end of
 * the year (job-agreement figures are measured on 31 December); the earlier one on a tie.
 */
export function populationDateFor(year: number, dates: string[]): string | null {
  const end = Date.UTC(year + 1, 0, 1);
  let best: string | null = null;
  for (const date of dates) {
    const distance = Math.abs(Date.parse(`${date}T00:00:00Z`) - end);
    if (best === null || distance < Math.abs(Date.parse(`${best}T00:00:00Z`) - end)) best = date;
  }
  return best;
}

/** Which of a region's figures a national query brings: one document per subgraph behind them. */
export type RegionPart = "jobs" | "buig" | "shelteredWork";

/** Every region's figures of a year; those of other parts than the one asked for stay empty. */
export function loadRegions(part: RegionPart, year: number, populationDate: string | null): Promise<RegionFigures[]> {
  return once(`regions:${part}:${year}:${part === "jobs" ? populationDate : ""}`, async () => {
    const empty = (r: { code: string; name: string }): RegionFigures => ({
      code: r.code,
      name: r.name,
      population: NONE,
      jobs: NONE,
      extraJobs: NONE,
      buigResultPercent: NONE,
      shelteredProgress: NONE,
    });
    if (part === "jobs") {
      const data = await client.request(DashboardRegionsJobsDocument, { year, populationDate });
      return data.labourMarketRegions.map((r) => ({
        ...empty(r),
        population: fig(r.population),
        jobs: r.jobAgreement ? { value: r.jobAgreement.jobs, source: r.jobAgreement.source } : NONE,
        extraJobs: r.jobAgreement ? { value: r.jobAgreement.extraJobs, source: r.jobAgreement.source } : NONE,
      }));
    }
    if (part === "buig") {
      const data = await client.request(DashboardRegionsBuigDocument, { year });
      return data.labourMarketRegions.map((r) => ({
        ...empty(r),
        buigResultPercent: r.buig?.result
          ? { value: r.buig.result.percentOfBudget, source: r.buig.result.source }
          : NONE,
      }));
    }
    const data = await client.request(DashboardRegionsShelteredWorkDocument, { year });
    return data.labourMarketRegions.map((r) => ({
      ...empty(r),
      shelteredProgress: computedFrom(
        r.shelteredWorkPlaces?.progressPercent,
        r.shelteredWorkPlaces?.realised?.source,
        "Realised ÷ target × 100 (computed by the gateway).",
      ),
    }));
  });
}

export function loadJobAgreement(): Promise<SectorResult[]> {
  return once("job-agreement", async () => {
    const data = await client.request(DashboardJobAgreementDocument);
    return data.jobAgreementYears.flatMap((y) =>
      y.sectors.map((s) => ({
        year: y.year,
        sector: s.sector,
        target: fig(s.target),
        realised: fig(s.realisedExtraJobs),
      })),
    );
  });
}

/** The region's municipalities with their figures of a year; null for an unknown region code. */
export function loadRegionTable(
  code: string,
  year: number,
  populationDate: string | null,
): Promise<RegionTable | null> {
  return once(`region:${code}:${year}:${populationDate}`, async () => {
    let data = await client.request(DashboardRegionDocument, { code, year, populationDate });
    const region = data.labourMarketRegion;
    if (!region) return null;
    const nodes = [...region.municipalities.nodes];
    while (data.labourMarketRegion?.municipalities.pageInfo.hasNextPage) {
      const after = data.labourMarketRegion.municipalities.pageInfo.endCursor;
      data = await client.request(DashboardRegionDocument, { code, year, populationDate, after });
      nodes.push(...(data.labourMarketRegion?.municipalities.nodes ?? []));
    }
    return {
      code: region.code,
      name: region.name,
      year,
      populationDate: populationDate ?? "",
      classification: data.regionClassification?.source ?? null,
      municipalities: nodes.map((m) => ({
        code: m.code,
        name: m.name,
        membership: {
          source: m.regionMembership?.source ?? null,
          uncertain: m.regionMembership?.uncertain ?? false,
          reason: m.regionMembership?.reason ?? null,
        },
        population: fig(m.population),
        buigBudget: fig(m.buig?.budget),
        buigSpending: fig(m.buig?.spending),
        buigResult: m.buig?.result ? { value: m.buig.result.amount, source: m.buig.result.source } : NONE,
        buigResultPercent: m.buig?.result
          ? { value: m.buig.result.percentOfBudget, source: m.buig.result.source }
          : NONE,
        participationBudget: fig(m.participationBudget?.total),
        shelteredTarget: fig(m.shelteredWorkPlaces?.target),
        shelteredRealised: fig(m.shelteredWorkPlaces?.realised),
      })),
    };
  });
}

/** The region's totals for each year, one request per year (asked in parallel). */
export function loadRegionYears(code: string, years: number[]): Promise<RegionYear[]> {
  return once(`region-years:${code}:${years.join(",")}`, () =>
    Promise.all(
      years.map(async (year) => {
        const data = await client.request(DashboardRegionYearDocument, { code, year });
        const r = data.labourMarketRegion;
        return {
          year,
          buigBudget: fig(r?.buig?.budget),
          buigSpending: fig(r?.buig?.spending),
          participationBudget: fig(r?.participationBudget?.total),
          shelteredTarget: fig(r?.shelteredWorkPlaces?.target),
          shelteredRealised: fig(r?.shelteredWorkPlaces?.realised),
        };
      }),
    ),
  );
}

export function loadRegionJobs(code: string): Promise<RegionJobsYear[]> {
  return once(`region-jobs:${code}`, async () => {
    const data = await client.request(DashboardRegionJobsDocument, { code });
    return (data.labourMarketRegion?.jobAgreementSeries ?? []).map((j) => ({
      year: j.year,
      jobs: { value: j.jobs, source: j.source },
      extraJobs: { value: j.extraJobs, source: j.source },
    }));
  });
}
