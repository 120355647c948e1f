import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/databases.ts";
import { startTestStack, type GraphQLResponse, type TestStack } from "../support/stack.ts";

describe.each(BACKENDS)("reference data through the gateway ($name)", (backend) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(backend);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("answers the region AM01 (Groningen) with its 14 municipalities and total population 763,315", async () => {
    const res = await stack.gql(`{
      labourMarketRegion(code: "AM01") {
        code name municipalityCount
        population { value referenceDate municipalityCount source { kind publisher } }
        municipalities(first: 100) { totalCount nodes { code name population { value referenceDate source { publisher kind license } } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const region = res.data!.labourMarketRegion;
    expect(region.name).toBe("Groningen");
    expect(region.municipalityCount).toBe(14);
    expect(region.population).toMatchObject({ value: 763_315, referenceDate: "2024-01-01", municipalityCount: 14 });
    expect(region.population.source.kind).toBe("DERIVED");
    expect(region.municipalities.totalCount).toBe(14);
    const nodes = region.municipalities.nodes as {
      name: string;
      population: { value: number; source: { kind: string; publisher: string } };
    }[];
    expect(nodes).toHaveLength(14);
    expect(nodes.reduce((sum, m) => sum + m.population.value, 0)).toBe(763_315);
    expect(nodes.every((m) => m.population.source.publisher === "CBS" && m.population.source.kind === "OFFICIAL")).toBe(
      true,
    );
    expect(nodes.map((m) => m.name)).toContain("Groningen");
  });

  it("finds a municipality by code, case-insensitively, with province, region and populations", async () => {
    const res = await stack.gql(`{
      municipality(code: "gm0363") {
        code name exists lastYear province { code name } labourMarketRegion { code name } coropArea { code }
        population { value } p2021: population(referenceDate: "2021-01-01") { value referenceDate source { document } }
        populationHistory { referenceDate value }
      }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.municipality).toMatchObject({
      code: "GM0363",
      name: "Amsterdam",
      exists: true,
      lastYear: 2026,
      province: { code: "PV27", name: "Noord-Holland" },
      labourMarketRegion: { code: "AM18", name: "Groot Amsterdam" },
      population: { value: 931_298 },
      p2021: { referenceDate: "2021-01-01" },
    });
    expect(res.data!.municipality.populationHistory.map((p: { referenceDate: string }) => p.referenceDate)).toEqual([
      "2021-01-01",
      "2024-01-01",
    ]);
  });

  it.each([
    ["sudwest-fryslan", "GM1900", "Súdwest-Fryslân"],
    ["SÚDWEST FRYSLÂN", "GM1900", "Súdwest-Fryslân"],
    ["s-hertogenbosch", "GM0796", "'s-Hertogenbosch"],
    ["'s-Gravenhage", "GM0518", "'s-Gravenhage"],
    ["beek", "GM0888", "Beek (L.)"],
  ])("finds %s by name", async (name, code, canonical) => {
    const res = await stack.gql(`query ($name: String) { municipality(name: $name) { code name } }`, { name });
    expect(res.errors).toBeUndefined();
    expect(res.data!.municipality).toEqual({ code, name: canonical });
  });

  it("knows dissolved municipalities and their former names", async () => {
    const res = await stack.gql(`{
      heerhugowaard: municipality(name: "Heerhugowaard") { code exists lastYear labourMarketRegion { code } population(referenceDate: "2021-01-01") { value } population2024: population(referenceDate: "2024-01-01") { value } }
      beek: municipality(code: "GM0888") { name formerNames }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.heerhugowaard).toMatchObject({
      code: "GM0398",
      exists: false,
      lastYear: 2021,
      labourMarketRegion: { code: "AM15" },
    });
    expect(res.data!.heerhugowaard.population.value).toBeGreaterThan(0);
    expect(res.data!.heerhugowaard.population2024).toBeNull();
    expect(res.data!.beek).toEqual({ name: "Beek (L.)", formerNames: ["Beek"] });
  });

  it("gives null for an unknown code and name, and BAD_USER_INPUT naming the argument for a malformed one", async () => {
    const unknown = await stack.gql(
      `{ a: municipality(code: "GM9999") { code } b: municipality(name: "Atlantis") { code } c: labourMarketRegion(code: "AM04") { code } }`,
    );
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ a: null, b: null, c: null });

    for (const code of ["363", "GM03", "AMS"]) {
      const res = await stack.gql(`query ($code: ID) { municipality(code: $code) { code } }`, { code });
      expect(res.status).toBe(200);
      expect(res.data?.municipality ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "code" });
      expect(res.errors![0]!.message).toContain(`"${code}"`);
    }
    const region = await stack.gql(`{ labourMarketRegion(code: "GM0363") { code } }`);
    expect(region.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "code" });
    const both = await stack.gql(`{ municipality(code: "GM0363", name: "Amsterdam") { code } }`);
    expect(both.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("rejects a page size over the maximum and a foreign cursor with a clear error", async () => {
    const big = await stack.gql(`{ municipalities(first: 501) { totalCount } }`);
    expect(big.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "first" });
    expect(big.errors![0]!.message).toMatch(/between 0 and 500; got 501/);
    const cursor = await stack.gql(`{ municipalities(after: "not-a-cursor") { totalCount } }`);
    expect(cursor.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "after" });
  });

  it("pages through a province sorted by population with cursors, each row once", async () => {
    const seen: { code: string; population: number }[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: GraphQLResponse<Record<string, any>> = await stack.gql(
        `query ($after: String) {
          province(code: "PV20") {
            municipalities(first: 3, after: $after, orderBy: { field: POPULATION, direction: DESC }) {
              totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code population { value } } }
            }
          }
        }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      const connection = res.data!.province.municipalities;
      expect(connection.totalCount).toBe(10);
      for (const edge of connection.edges) seen.push({ code: edge.node.code, population: edge.node.population.value });
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(4);
    expect(new Set(seen.map((s) => s.code)).size).toBe(10);
    const populations = seen.map((s) => s.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
    expect(seen[0]!.code).toBe("GM0014"); // the city of Groningen is the largest
  });

  it("lists a province with its regions and the country's provinces and regions", async () => {
    const res = await stack.gql(`{
      province(code: "PV22") { name labourMarketRegions { code } population { value municipalityCount } }
      provinces { code }
      labourMarketRegions { code }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.province.name).toBe("Drenthe");
    expect(res.data!.province.labourMarketRegions.map((r: { code: string }) => r.code)).toEqual([
      "AM01",
      "AM03",
      "AM36",
    ]); // Meppel, De Wolden and Westerveld are in Regio Zwolle
    expect(res.data!.province.population.municipalityCount).toBe(12);
    expect(res.data!.provinces).toHaveLength(12);
    expect(res.data!.labourMarketRegions).toHaveLength(35);
  });

  it("sums to the national population of 1 January 2024 and 2021 over all municipalities", async () => {
    const res = await stack.gql(`{
      now: municipalities(first: 500) { totalCount nodes { population(referenceDate: "2024-01-01") { value } } }
      all: municipalities(first: 500, filter: { includeDissolved: true }) { totalCount nodes { population(referenceDate: "2021-01-01") { value } } }
    }`);
    expect(res.errors).toBeUndefined();
    const sum = (nodes: { population: { value: number } | null }[]) =>
      nodes.reduce((s, n) => s + (n.population?.value ?? 0), 0);
    expect(res.data!.now.totalCount).toBe(342);
    expect(sum(res.data!.now.nodes)).toBe(17_942_942);
    expect(res.data!.all.totalCount).toBe(463);
    expect(sum(res.data!.all.nodes)).toBe(17_475_415);
  });

  it("reads the reference data once per process: a constant number of statements cold, none warm", async () => {
    const query = `query ($first: Int) {
      municipalities(first: $first) {
        nodes { code name province { name } labourMarketRegion { code name } population { value source { publisher } } }
      }
    }`;
    const run = (first: number) => stack.municipalityPageSql(query, first);
    stack.emptyCaches();
    const ten = await run(10);
    stack.emptyCaches();
    const all = await run(342);
    // one statement per reference table, whatever the page size
    expect(all.reference).toBe(ten.reference);
    expect(all.reference).toBeLessThanOrEqual(11);
    // and then nothing, until the data changes
    expect((await run(342)).reference).toBe(0);
  });

  it("resolves Municipality and LabourMarketRegion entities by key in one batch (as other subgraphs need)", async () => {
    const representations = [
      { __typename: "Municipality", code: "GM0363" },
      { __typename: "Municipality", code: "GM0014" },
      { __typename: "Municipality", code: "bogus" },
      { __typename: "LabourMarketRegion", code: "AM01" },
    ];
    const sql = await stack.sqlDuring(async () => {
      const res = await stack.direct(
        "reference",
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Municipality { name } ... on LabourMarketRegion { name } } }`,
        { r: representations },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual([{ name: "Amsterdam" }, { name: "Groningen" }, null, { name: "Groningen" }]);
    });
    expect(sql.reference).toBeLessThanOrEqual(11);
  });
});
