import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImport } from "../../src/common/import/run.ts";
import { readCsv } from "../../src/common/csv.ts";
import { datasetFile } from "../../src/common/datasets.ts";
import { regionMembership } from "../../src/subgraphs/reference/import.ts";
import { regionMembershipCopy } from "../../src/subgraphs/municipal/import.ts";
import { BACKENDS } from "../support/databases.ts";
import { startTestStack, type TestStack } from "../support/stack.ts";

/** The number of municipalities on 1 January of each year, as CBS counts them. */
const CBS_COUNTS: Record<number, number> = {
  2010: 431,
  2011: 418,
  2012: 415,
  2013: 408,
  2014: 403,
  2015: 393,
  2016: 390,
  2017: 388,
  2018: 380,
  2019: 355,
  2020: 355,
  2021: 352,
  2022: 345,
  2023: 342,
  2024: 342,
  2025: 342,
  2026: 342,
};

const byYearFile = () => readCsv(datasetFile("municipality-labour-market-regions-by-year.csv"));

describe.each(BACKENDS)("the graph by year ($name)", (backend) => {
  let stack: TestStack;
  let dir: string;
  beforeAll(async () => {
    stack = await startTestStack(backend);
    dir = mkdtempSync(path.join(tmpdir(), "membership-import-"));
  });
  afterAll(async () => {
    await stack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists the municipalities that existed on 1 January of each year, 2010–2026", async () => {
    const fields = Object.keys(CBS_COUNTS)
      .map((year) => `y${year}: municipalities(year: ${year}, first: 0) { totalCount }`)
      .join("\n");
    const res = await stack.gql(`{ ${fields} }`);
    expect(res.errors).toBeUndefined();
    const counts = Object.fromEntries(Object.entries(res.data!).map(([k, v]) => [Number(k.slice(1)), v.totalCount]));
    expect(counts).toEqual(CBS_COUNTS);
  });

  it("follows dissolved municipalities to their successors: Weesp to Amsterdam mid-year, Haaren over four", async () => {
    const res = await stack.gql(`{
      weesp: municipality(code: "GM0457") {
        name firstYear lastYear dissolvedOn exists existedIn(year: 2022)
        successors { municipality { code name } effectiveDate kind }
        buig(year: 2021) { budget { value } }
      }
      haaren: municipality(name: "Haaren") { code dissolvedOn successors { code municipality { name } effectiveDate kind } }
      amsterdam: municipality(code: "GM0363") { exists predecessors { code name effectiveDate } }
      oldambt: municipality(code: "GM1895") { firstYear createdOn predecessors { code name municipality { code } } }
      friese: municipality(name: "De Friese Meren") { code lastYear successors { code kind } }
    }`);
    expect(res.errors).toBeUndefined();
    const { weesp, haaren, amsterdam, oldambt, friese } = res.data!;
    expect(weesp).toMatchObject({
      name: "Weesp",
      lastYear: 2022,
      dissolvedOn: "2022-03-24",
      exists: false,
      // dissolved on 24 March, so it was there on 1 January 2022
      existedIn: true,
      successors: [
        { municipality: { code: "GM0363", name: "Amsterdam" }, effectiveDate: "2022-03-24", kind: "MERGER" },
      ],
    });
    expect(weesp.buig.budget.value).toMatch(/^\d+\.\d{2}$/);
    expect(haaren.successors.map((s: { code: string }) => s.code)).toEqual(["GM0757", "GM0824", "GM0855", "GM0865"]);
    expect(
      haaren.successors.every(
        (s: { kind: string; effectiveDate: string }) => s.kind === "SPLIT" && s.effectiveDate === "2021-01-01",
      ),
    ).toBe(true);
    expect(amsterdam.predecessors).toContainEqual({ code: "GM0457", name: "Weesp", effectiveDate: "2022-03-24" });
    // a code created by a merger in 2010, from codes whose names are not in the embedded sources
    expect(oldambt).toMatchObject({ firstYear: 2010, createdOn: "2010-01-01" });
    expect(
      oldambt.predecessors.every(
        (p: { name: string | null; municipality: unknown }) => p.name === null && p.municipality === null,
      ),
    ).toBe(true);
    expect(friese).toEqual({ code: "GM1921", lastYear: 2015, successors: [{ code: "GM1940", kind: "RENAME" }] });
  });

  it("gives region AM01 its 27 municipalities of 2016 and sums the 2016 budgets over exactly them", async () => {
    const res = await stack.gql(`{
      labourMarketRegion(code: "AM01") {
        name
        municipalityCount(year: 2016)
        today: municipalityCount
        municipalities(year: 2016, first: 100) { totalCount nodes { code buig(year: 2016) { budget { value } } } }
        buig(year: 2016) { municipalityCount budget { value source { kind note } } }
        p2016: population(year: 2016) { value }
        p2021: population(year: 2021) { value municipalityCount source { kind note } }
        m2021: municipalities(year: 2021, first: 100) { nodes { population(referenceDate: "2021-01-01") { value } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const region = res.data!.labourMarketRegion;
    const published = byYearFile().filter((r) => r.year === "2016" && r.labour_market_region_code === "AM01");
    expect(published).toHaveLength(27);
    expect(region.municipalityCount).toBe(27);
    expect(region.today).toBe(14);
    expect(region.municipalities.nodes.map((n: { code: string }) => n.code).sort()).toEqual(
      published.map((r) => r.code!).sort(),
    );
    const cents = (v: string) => BigInt(v.replace(".", ""));
    const sum = region.municipalities.nodes.reduce((s: bigint, n: any) => s + cents(n.buig.budget.value), 0n);
    expect(region.buig.municipalityCount).toBe(27);
    expect(cents(region.buig.budget.value)).toBe(sum);
    expect(region.buig.budget.source.note).toMatch(
      /region AM01 in the 2016 classification \(CBS: Gebieden in Nederland 2016/,
    );
    // no population is published for 1 January 2016; 2021's sums over the 2021 members
    expect(region.p2016).toBeNull();
    const members2021 = region.m2021.nodes.reduce((s: number, n: any) => s + (n.population?.value ?? 0), 0);
    expect(region.p2021.value).toBe(members2021);
    expect(region.p2021.source.note).toMatch(/2021 membership DERIVED from the 2016 classification/);
  });

  it("says how a year's membership is known: published, stated by CBS's table of the year, or derived and flagged", async () => {
    const res = await stack.gql(`{
      c2016: regionClassification(year: 2016) { kind source { publisher document } uncertain { municipality { code } } }
      c2020: regionClassification(year: 2020) { kind municipalityCount regionCount source { kind note } uncertain { municipality { code } region { code } reason } }
      ede: municipality(name: "Ede") { r2016: regionMembership(year: 2016) { region { code } kind uncertain } r2020: regionMembership(year: 2020) { region { code } kind uncertain reason source { kind note } } r2025: regionMembership(year: 2025) { region { code } kind } }
      weesp: municipality(name: "Weesp") { regionMembership(year: 2022) { region { code } kind source { document } } }
      referenceYears { municipalities regionMembership publishedRegionClassifications populationDates }
    }`);
    expect(res.errors).toBeUndefined();
    const { c2016, c2020, ede, weesp, referenceYears } = res.data!;
    expect(c2016).toEqual({
      kind: "OFFICIAL",
      source: { publisher: "CBS", document: "Gebieden in Nederland 2016 (StatLine 83287NED), arbeidsmarktregio's" },
      uncertain: [],
    });
    expect(c2020).toMatchObject({
      kind: "DERIVED",
      municipalityCount: 355,
      regionCount: 35,
      source: { kind: "DERIVED" },
    });
    expect(c2020.source.note).toMatch(/latest earlier year with a known region/);
    expect(c2020.uncertain.length).toBeGreaterThan(0);
    expect(c2020.uncertain).toContainEqual(
      expect.objectContaining({ municipality: { code: "GM0228" }, region: { code: "AM31" } }),
    );
    expect(ede.r2016).toEqual({ region: { code: "AM31" }, kind: "OFFICIAL", uncertain: false });
    expect(ede.r2020).toMatchObject({
      region: { code: "AM31" },
      kind: "DERIVED",
      uncertain: true,
      source: { kind: "DERIVED" },
    });
    expect(ede.r2020.reason).toMatch(/AM38 \(2025\)/);
    expect(ede.r2025).toEqual({ region: { code: "AM38" }, kind: "OFFICIAL" });
    // CBS's 2022 table puts Weesp, in its last year, in Groot Amsterdam
    expect(weesp.regionMembership).toMatchObject({ region: { code: "AM18" }, kind: "OFFICIAL" });
    expect(referenceYears.municipalities).toEqual(Object.keys(CBS_COUNTS).map(Number));
    expect(referenceYears.regionMembership).toEqual([
      2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    expect(referenceYears.publishedRegionClassifications).toEqual([2015, 2016, 2025, 2026]);
    expect(referenceYears.populationDates).toEqual(["2021-01-01", "2024-01-01"]);
  });

  it("finds municipalities and regions as people type, with the reason of each match", async () => {
    const res = await stack.gql(`{
      denHaag: municipalitySearch(text: "Den Haag") { municipality { code province { name } } reason matched }
      code: municipalitySearch(text: "gm518", first: 1) { municipality { code } reason }
      typo: municipalitySearch(text: "Amstrdam", first: 1) { municipality { code } reason distance }
      prefix: municipalitySearch(text: "gravenh", first: 1) { municipality { code } reason }
      former: municipalitySearch(text: "Skarsterlan", first: 1) { municipality { code exists } reason }
      in2016: municipalitySearch(text: "Haaren", year: 2016, first: 1) { municipality { code } reason }
      in2023: municipalitySearch(text: "Haaren", year: 2023) { municipality { code } }
      byName: municipality(name: "den haag") { code }
      gooi: labourMarketRegion(name: "Gooi- en Vechtstreek") { code name }
      foodValley: labourMarketRegion(name: "food valley") { code name(year: 2016) years }
      regionSearch: labourMarketRegionSearch(text: "stedendriehoek") { region { code } reason matched }
    }`);
    expect(res.errors).toBeUndefined();
    const d = res.data!;
    expect(d.denHaag[0]).toEqual({
      municipality: { code: "GM0518", province: { name: "Zuid-Holland" } },
      reason: "ALIAS",
      matched: "Den Haag",
    });
    expect(d.code).toEqual([{ municipality: { code: "GM0518" }, reason: "CODE" }]);
    expect(d.typo).toEqual([{ municipality: { code: "GM0363" }, reason: "SPELLING", distance: 1 }]);
    expect(d.prefix).toEqual([{ municipality: { code: "GM0518" }, reason: "PREFIX" }]);
    expect(d.former).toEqual([{ municipality: { code: "GM0051", exists: false }, reason: "NAME" }]);
    expect(d.in2016).toEqual([{ municipality: { code: "GM0788" }, reason: "NAME" }]);
    expect(d.in2023).toEqual([]);
    expect(d.byName).toEqual({ code: "GM0518" });
    expect(d.gooi).toEqual({ code: "AM12", name: "Gooi en Vechtstreek" });
    expect(d.foodValley).toEqual({
      code: "AM31",
      name: "Food Valley",
      years: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024],
    });
    expect(d.regionSearch[0]).toMatchObject({ region: { code: "AM06" }, reason: "PREFIX" });
  });

  it("refuses an ambiguous name and years outside the data with errors that say what is available", async () => {
    const bergen = await stack.gql(`{ municipality(name: "Bergen") { code } }`);
    expect(bergen.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "name" });
    expect(bergen.errors![0]!.message).toMatch(/GM0893 Bergen \(L\.\).*GM0373 Bergen \(NH\.\)|GM0373.*GM0893/);
    const early = await stack.gql(`{ municipalities(year: 2009) { totalCount } }`);
    expect(early.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "year" });
    expect(early.errors![0]!.message).toMatch(/known for 2010–2026/);
    const region = await stack.gql(
      `{ labourMarketRegion(code: "AM01") { municipalities(year: 2014) { totalCount } } }`,
    );
    expect(region.errors![0]!.message).toMatch(/labour-market region memberships are known for 2015–2026/);
    const buig = await stack.gql(`{ labourMarketRegion(code: "AM01") { buig(year: 2030) { municipalityCount } } }`);
    expect(buig.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "year" });
    expect(buig.errors![0]!.message).toMatch(/2015–2026/);
    const gone = await stack.gql(`{ municipality(name: "Weesp", year: 2025) { code } }`);
    expect(gone.errors).toBeUndefined();
    expect(gone.data!.municipality).toBeNull();
  });

  it("takes every municipality of 2016 with its 2016 region and BUIG budget in a constant number of statements", async () => {
    const query = `query ($first: Int) {
      municipalities(year: 2016, first: $first) {
        nodes { code name(year: 2016) labourMarketRegion(year: 2016) { code name(year: 2016) } buig(year: 2016) { budget { value } } }
      }
    }`;
    const run = (first: number) => stack.municipalityPageSql(query, first);
    stack.emptyCaches();
    const few = await run(5);
    stack.emptyCaches();
    const all = await run(390);
    expect(all).toEqual(few);
    expect(await run(390)).toEqual({ reference: 0, municipal: 0, uwv: 0 });
  });

  it("replaces a derived year's membership with an imported classification, in both subgraphs, all or nothing", async () => {
    // the derived 2020 membership, with the eight Food Valley municipalities moved to AM38 as in 2025
    const derived = await stack.gql(
      `{ labourMarketRegions(year: 2020) { code memberships(year: 2020) { municipality { code } } } }`,
    );
    const moved = new Set(
      byYearFile()
        .filter((r) => r.year === "2025" && r.labour_market_region_code === "AM38")
        .map((r) => r.code),
    );
    const rows = derived.data!.labourMarketRegions.flatMap((r: any) =>
      r.memberships.map((m: any) => {
        const code = m.municipality.code as string;
        return `2020,${code},${moved.has(code) ? "AM38" : r.code}`;
      }),
    );
    expect(rows).toHaveLength(355);
    const header = "year,municipality_code,labour_market_region_code";
    const source = {
      id: "import-test-2020",
      publisher: "CBS",
      document: "Gebieden in Nederland 2020",
      url: null,
      date: "2020",
      kind: "OFFICIAL",
      license: "CC BY 4.0",
      note: null,
    };

    // a broken file: unknown code, one that did not exist in 2020, one listed twice, and missing ones
    const bad = path.join(dir, "bad.csv");
    writeFileSync(
      bad,
      [header, ...rows.slice(0, 350), "2020,GM9999,AM01", "2020,GM1992,AM22", "2020,GM1900,AM01", rows[0]].join("\n"),
    );
    const refused = await runImport(stack.databases.reference, regionMembership, bad, source);
    const messages = refused.errors.map((e) => `${e.row} ${e.column}: ${e.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^352 municipality_code: unknown municipality GM9999/));
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^353 municipality_code: GM1992 \(Voorne aan Zee\) did not exist on 1 January 2020: created on 2023-01-01/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^354 labour_market_region_code: GM1900 is already in AM02 at line \d+: a municipality belongs to one region/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^1 municipality_code: the 2020 classification must list every municipality of 2020; missing 5/,
      ),
    );
    expect(refused.written).toEqual({ inserted: 0, updated: 0, unchanged: 0 });
    const still = await stack.gql(`{ regionClassification(year: 2020) { kind } }`);
    expect(still.data!.regionClassification.kind).toBe("DERIVED");

    const good = path.join(dir, "good.csv");
    writeFileSync(good, [header, ...rows].join("\n"));
    const imported = await runImport(stack.databases.reference, regionMembership, good, source);
    expect(imported.errors).toEqual([]);
    const copied = await runImport(stack.databases.municipal, regionMembershipCopy, good, source);
    expect(copied.errors).toEqual([]);
    const again = await runImport(stack.databases.reference, regionMembership, good, source);
    expect(again.written).toEqual({ inserted: 0, updated: 0, unchanged: 355 });

    const res = await stack.gql(`{
      regionClassification(year: 2020) { kind source { document } uncertain { municipality { code } } }
      ede: municipality(name: "Ede") { regionMembership(year: 2020) { region { code } kind uncertain } }
      am38: labourMarketRegion(code: "AM38") { municipalityCount(year: 2020) buig(year: 2020) { municipalityCount budget { source { note } } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.regionClassification).toEqual({
      kind: "OFFICIAL",
      source: { document: "Gebieden in Nederland 2020" },
      uncertain: [],
    });
    expect(res.data!.ede.regionMembership).toEqual({ region: { code: "AM38" }, kind: "OFFICIAL", uncertain: false });
    expect(res.data!.am38.municipalityCount).toBe(8);
    expect(res.data!.am38.buig.municipalityCount).toBe(8);
    expect(res.data!.am38.buig.budget.source.note).toMatch(
      /region AM38 in the 2020 classification \(CBS: Gebieden in Nederland 2020\)/,
    );
  });
});
