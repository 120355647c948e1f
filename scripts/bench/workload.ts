// What the bench sends: the portal queries, their argument spaces, and the request bodies of the two
// scenarios. Pure (no I/O), so the tests can check the argument variation and the Zipf selection.

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** A small seeded generator (mulberry32), so every peer is sent the same sequence of requests. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Picks an index in [0, cumulative.length) with the weights whose running totals are given. */
function pickCumulative(cumulative: readonly number[], random: Random): number {
  const target = random() * cumulative[cumulative.length - 1]!;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle]! > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

const runningTotals = (weights: readonly number[]) => {
  let total = 0;
  return weights.map((w) => (total += w));
};

/** Indexes 0 … n−1 with probability ∝ weights[i]. */
export function weighted(weights: readonly number[]): (random: Random) => number {
  if (weights.length === 0 || weights.some((w) => !(w >= 0)) || !weights.some((w) => w > 0)) {
    throw new Error("weighted: need at least one positive weight and none negative");
  }
  const cumulative = runningTotals(weights);
  return (random) => pickCumulative(cumulative, random);
}

/** Ranks 0 … n−1 with Zipf's law: rank k is drawn with probability ∝ 1 / (k + 1)^s. */
export function zipf(n: number, s = 1): (random: Random) => number {
  if (!Number.isInteger(n) || n < 1) throw new Error("zipf: n must be a positive integer");
  return weighted(Array.from({ length: n }, (_, k) => 1 / (k + 1) ** s));
}

/** A copy in a random order (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** The argument values found in the bench database, which the workloads vary over. */
export interface Keys {
  /** municipality codes (342) */
  municipalities: string[];
  /** labour-market region codes (35) */
  regions: string[];
  /** years with BUIG figures */
  budgetYears: number[];
  /** years of the national job-agreement table */
  jobAgreementYears: number[];
  /** years with regional job-agreement figures */
  seriesYears: number[];
}

export type Variables = Record<string, string | number>;

export interface Workload {
  name: string;
  /** share of the mix */
  weight: number;
  /** one document with variables, as a portal's client sends it */
  query: string;
  /** every argument combination the workload can be asked with */
  arguments(keys: Keys): Variables[];
  /** the arguments all peers' answers are compared on before measuring */
  probe: Variables;
}

/** Every (from, to) pair of years with from ≤ to. */
export function yearRanges(years: readonly number[]): { from: number; to: number }[] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  return sorted.flatMap((from, i) => sorted.slice(i).map((to) => ({ from, to })));
}

/** The portal queries, in the mix in these proportions (those of the earlier bench). */
export const WORKLOADS: readonly Workload[] = [
  {
    name: "single municipality",
    weight: 4,
    query: `query Municipality($code: ID!) { municipality(code: $code) { code name population { value } province { name } labourMarketRegion { name } } }`,
    arguments: (keys) => keys.municipalities.map((code) => ({ code })),
    probe: { code: "GM0363" },
  },
  {
    name: "region page with members",
    weight: 3,
    query: `query RegionPage($code: ID!) { labourMarketRegion(code: $code) { name population { value } municipalities(first: 50) { nodes { code name population { value } } } } }`,
    arguments: (keys) => keys.regions.map((code) => ({ code })),
    probe: { code: "AM01" },
  },
  {
    name: "all municipalities with BUIG result",
    weight: 1,
    query: `query BudgetResults($year: Int!) { municipalities(first: 500) { nodes { code name buig(year: $year) { result { amount percentOfBudget } } } } }`,
    arguments: (keys) => keys.budgetYears.map((year) => ({ year })),
    probe: { year: 2017 },
  },
  {
    name: "national job-agreement table",
    weight: 2,
    query: `query JobAgreement($year: Int!) { jobAgreement(year: $year) { sectors { sector extraJobs { value } publishedExtraJobs { value } target { value } shortfall { value } progressPercent } } }`,
    arguments: (keys) => keys.jobAgreementYears.map((year) => ({ year })),
    probe: { year: 2021 },
  },
  {
    name: "region × year job figures",
    weight: 1,
    query: `query RegionJobs($from: Int!, $to: Int!) { labourMarketRegions { name jobAgreementSeries(fromYear: $from, toYear: $to) { period jobs extraJobs } } }`,
    arguments: (keys) => yearRanges(keys.seriesYears),
    probe: { from: 2015, to: 2024 },
  },
];

/** The query answered by the reference subgraph alone: sent to it directly and through our gateway. */
export const ONE_SUBGRAPH: Workload = {
  name: "one-subgraph query",
  weight: 1,
  query: `query MunicipalityPopulation($code: ID!) { municipality(code: $code) { code name population { value } } }`,
  arguments: (keys) => keys.municipalities.map((code) => ({ code })),
  probe: { code: "GM0363" },
};

/** The request body of a workload with the given arguments. */
export const requestBody = (workload: Workload, variables: Variables): string =>
  JSON.stringify({ query: workload.query, variables });

/**
 * cold: every request draws its arguments uniformly from the whole argument space, so a cache or an
 * in-flight de-duplication rarely sees the same request twice; portal: a few popular arguments drawn
 * by Zipf's law, as a portal's visitors ask for them.
 */
export type Scenario = "cold" | "portal";

export interface SourceOptions {
  scenario: Scenario;
  seed: number;
  /** portal: how many popular arguments per workload (default 30) */
  popular?: number;
  /** portal: Zipf exponent (default 1) */
  exponent?: number;
}

/** A workload's arguments as the scenario draws them. */
export function argumentPicker(
  all: readonly Variables[],
  options: SourceOptions,
  random: Random,
): (random: Random) => Variables {
  if (all.length === 0) throw new Error("no arguments to vary over");
  if (options.scenario === "cold") return (r) => all[Math.floor(r() * all.length)]!;
  const popular = shuffled(all, random).slice(0, options.popular ?? 30);
  const rank = zipf(popular.length, options.exponent ?? 1);
  return (r) => popular[rank(r)]!;
}

/**
 * Request bodies for the load generator, one per call: a workload drawn by its weight, then its
 * arguments as the scenario draws them. The same seed gives the same sequence.
 */
export function requestSource(workloads: readonly Workload[], keys: Keys, options: SourceOptions): () => string {
  const random = seededRandom(options.seed);
  const chooseWorkload = weighted(workloads.map((w) => w.weight));
  const pickers = workloads.map((w) => argumentPicker(w.arguments(keys), options, random));
  // the bodies are built once per distinct argument and reused
  const bodies = workloads.map(() => new Map<Variables, string>());
  return () => {
    const index = chooseWorkload(random);
    const variables = pickers[index]!(random);
    let body = bodies[index]!.get(variables);
    if (body === undefined) {
      body = requestBody(workloads[index]!, variables);
      bodies[index]!.set(variables, body);
    }
    return body;
  };
}
