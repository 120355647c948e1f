// Walks every figure the graph serves, through the gateway, and fails on a breach of the provenance
// rules (domain/provenance.ts). The queries are generated from the public schema: every root field,
// every field below it to a few levels, with the years that have data; any type holding a `source`
// must be met at least once, so a new kind of figure cannot slip past unchecked.
import { readFileSync } from "node:fs";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLObjectType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provenanceBreaches, type ServedFigure } from "../../src/domain/provenance.ts";
import { BACKENDS } from "../support/databases.ts";
import { startTestStack, type TestStack } from "../support/stack.ts";

const schema = buildSchema(readFileSync("schema/public.graphql", "utf8"));
const MAX_DEPTH = 6;
// years with official or synthetic figures in every subgraph (2012 and others come through the series fields)
const YEARS = [2016, 2017, 2021, 2024];

/** Arguments for required (or useful) arguments, by Type.field; `$year` is the walk's year. */
const ARGUMENTS: Record<string, string> = {
  "Query.municipality": `(code: "GM0363")`,
  "Query.municipalitySearch": `(text: "Amsterdam")`,
  "Query.province": `(code: "PV27")`,
  "Query.labourMarketRegion": `(code: "AM01")`,
  "Query.labourMarketRegions": `(year: $year)`,
  "Query.labourMarketRegionSearch": `(text: "Amsterdam")`,
  "Query.employerIncentives": `(year: $year, hourlyWage: "14.50", hoursPerYear: "1560", employee: { jobAgreementTargetGroup: true, ageAtHiring: 58 })`,
  "Query.employerQuotaLevy": `(year: $year, sector: GOVERNMENT, quotaJobs: "12.5", actualJobs: "10")`,
  "JobAgreementYear.sector": `(sector: GOVERNMENT)`,
  "LabourMarketRegion.jobAgreementSeries": `(quarterly: true)`,
};
/** Root fields only some years answer without an error (the calculator refuses other years). */
const ONLY_IN: Record<string, number[]> = { "Query.employerIncentives": [2018, 2024] };
/** Types reachable only through mutations, checked by their own tests. */
const MUTATION_ONLY = new Set(["RegionalJobsSubmission", "BuigSpendingSubmission"]);

function argumentsOf(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, year: number): string | null {
  const given = ARGUMENTS[`${type.name}.${field.name}`];
  if (given) return given.replaceAll("$year", String(year));
  const args: string[] = [];
  for (const arg of field.args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (arg.name === "year" && required) args.push(`year: ${year}`);
    else if (arg.name === "first")
      args.push("first: 2"); // small pages keep the walk under the cost limit
    else if (required) return null; // not walked: needs arguments this walk does not know
  }
  return args.length > 0 ? `(${args.join(", ")})` : "";
}

function selection(type: GraphQLObjectType, year: number, depth: number, path: string[]): string {
  const parts = ["__typename"];
  for (const field of Object.values(type.getFields())) {
    const args = argumentsOf(type, field, year);
    if (args === null) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) {
      parts.push(`${field.name}${args}`);
    } else if (isObjectType(named) && depth < MAX_DEPTH && !path.includes(named.name)) {
      parts.push(`${field.name}${args} { ${selection(named, year, depth + 1, [...path, named.name])} }`);
    } else if ((isInterfaceType(named) || isUnionType(named)) && depth < MAX_DEPTH) {
      parts.push(`${field.name}${args} { __typename }`);
    }
  }
  return parts.join(" ");
}

/** Every object in a response that has a source, with where it was found. */
function figuresIn(value: unknown, at: string, out: { at: string; figure: Record<string, any> }[]) {
  if (Array.isArray(value)) value.forEach((v, i) => figuresIn(v, `${at}[${i}]`, out));
  else if (value && typeof value === "object") {
    const object = value as Record<string, any>;
    for (const [key, child] of Object.entries(object)) {
      if (/source$/i.test(key) && child && typeof child === "object" && "kind" in child) {
        out.push({ at: `${at}.${key}`, figure: { ...object, source: child } });
      }
      figuresIn(child, `${at}.${key}`, out);
    }
  }
  return out;
}

const figureTypes = Object.values(schema.getTypeMap())
  .filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith("__"))
  .filter((t) =>
    Object.values(t.getFields()).some((f) => /source$/i.test(f.name) && getNamedType(f.type).name === "Source"),
  )
  .map((t) => t.name);

describe.each(BACKENDS)("every served figure keeps the provenance rules ($name)", (backend) => {
  let stack: TestStack;
  const seenTypes = new Set<string>();
  const breaches: string[] = [];
  let walked = 0;

  beforeAll(async () => {
    stack = await startTestStack(backend);
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
  });

  /** Runs `{ path { selection } }`; too costly for the gateway's limit, it splits by child field. */
  async function walk(year: number, path: string[], type: GraphQLObjectType, depth: number, seen: string[]) {
    const wrap = (inner: string) => path.reduceRight((acc, step) => `${step} { ${acc} }`, inner);
    const res = await stack.gql(`{ ${wrap(selection(type, year, depth, seen))} }`);
    if (res.errors?.some((e) => e.extensions?.code === "QUERY_TOO_COMPLEX") && depth < MAX_DEPTH) {
      for (const field of Object.values(type.getFields())) {
        const args = argumentsOf(type, field, year);
        const named = getNamedType(field.type);
        if (args === null || !isObjectType(named) || seen.includes(named.name)) continue;
        await walk(year, [...path, `${field.name}${args}`], named, depth + 1, [...seen, named.name]);
      }
      return;
    }
    // a clear refusal of a year without data is an answer; anything else is a failure
    const failures = (res.errors ?? []).filter((e) => e.extensions?.code !== "BAD_USER_INPUT");
    expect(failures, `${path.join(" > ")} (${year}): ${JSON.stringify(failures)}`).toEqual([]);
    const collectTypes = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collectTypes);
      else if (v && typeof v === "object") {
        const t = (v as { __typename?: string }).__typename;
        if (t) seenTypes.add(t);
        Object.values(v).forEach(collectTypes);
      }
    };
    collectTypes(res.data);
    for (const { at, figure } of figuresIn(res.data, `(${year})`, [])) {
      walked += 1;
      for (const breach of provenanceBreaches(figure as ServedFigure)) breaches.push(`${at}: ${breach}`);
    }
  }

  it("walks every root field for every year with data, and finds no breach", async () => {
    const query = schema.getQueryType()!;
    for (const year of [...YEARS, 2018]) {
      for (const field of Object.values(query.getFields())) {
        const only = ONLY_IN[`Query.${field.name}`];
        if (only ? !only.includes(year) : year === 2018) continue;
        const args = argumentsOf(query, field, year);
        if (args === null) throw new Error(`Query.${field.name} needs arguments: add them to ARGUMENTS`);
        const named = getNamedType(field.type);
        if (!isObjectType(named)) continue;
        await walk(year, [`${field.name}${args}`], named, 1, [named.name]);
      }
    }
    expect(breaches.slice(0, 40), `${breaches.length} breaches`).toEqual([]);
    expect(walked).toBeGreaterThan(1000);
  }, 600_000);

  it("met every type that holds a source", () => {
    const missed = figureTypes.filter((t) => !seenTypes.has(t) && !MUTATION_ONLY.has(t));
    expect(missed, "figure types the walk never met: give their fields arguments in ARGUMENTS").toEqual([]);
  });
});
