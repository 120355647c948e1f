import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/databases.ts";
import { startTestStack, type TestStack } from "../support/stack.ts";

const within = (computed: string, published: string, tolerance: number) =>
  Math.abs(Number(computed) - Number(published)) <= tolerance;

describe.each(BACKENDS)("placements through the gateway ($name)", (backend) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(backend);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("reproduces the published 2021 table from its inputs", async () => {
    const res = await stack.gql(`{
      jobAgreement(year: 2021) {
        hoursPerJob baselineJobs { value } hiredJobs { value } baselineHiredJobs { value }
        totalJobs { value source { kind } } publishedTotalJobs { value source { kind } }
        sectors {
          sector allocationKey { value } baselineAllocationKey { value }
          directExtraJobs { value source { kind } } hiredExtraJobs { value source { kind note } } publishedHiredExtraJobs { value }
          extraJobs { value } publishedExtraJobs { value } extraJobsDifference target { value }
        }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const year = res.data!.jobAgreement;
    expect(year.hoursPerJob).toBe("25.5");
    expect(year.publishedTotalJobs).toEqual({ value: "147988", source: { kind: "OFFICIAL" } });
    expect(Number(year.totalJobs.value)).toBe(147_988);
    expect(year.totalJobs.source.kind).toBe("DERIVED");
    const [market, government, total] = year.sectors;
    expect([market.sector, government.sector, total.sector]).toEqual(["MARKET", "GOVERNMENT", "TOTAL"]);
    // hired growth from the keys: 41,993 × 0.68 − 36,206 × 0.760 ≈ 1,039 and 41,993 × 0.32 − 36,206 × 0.240 ≈ 4,748
    expect(market.allocationKey.value).toBe("0.68");
    expect(market.baselineAllocationKey.value).toBe("0.760");
    expect(within(market.hiredExtraJobs.value, "1039", 1)).toBe(true);
    expect(within(government.hiredExtraJobs.value, "4748", 1)).toBe(true);
    expect(market.hiredExtraJobs.source.kind).toBe("DERIVED");
    expect(market.hiredExtraJobs.source.note).toContain("41993 hired jobs × key 0.68");
    expect(market.directExtraJobs).toEqual({ value: "59928", source: { kind: "OFFICIAL" } });
    expect(government.directExtraJobs.value).toBe("7094");
    // direct + hired, against the published totals 60,966, 11,842 and 72,809
    for (const [sector, published] of [
      [market, "60966"],
      [government, "11842"],
      [total, "72809"],
    ] as const) {
      expect(sector.publishedExtraJobs.value).toBe(published);
      expect(within(sector.extraJobs.value, published, 1)).toBe(true);
      expect(Number(sector.extraJobsDifference)).toBeCloseTo(Number(sector.extraJobs.value) - Number(published), 6);
    }
    expect(total.hiredExtraJobs.value).toBe("5787.000");
    expect(total.publishedHiredExtraJobs.value).toBe("5787");
    expect([market.target.value, government.target.value, total.target.value]).toEqual(["60000", "20000", "80000"]);
  });

  it("answers: how far was government from its 2021 target, and how much of its growth came from hired jobs", async () => {
    const res = await stack.gql(`{
      jobAgreement(year: 2021) {
        government: sector(sector: GOVERNMENT) {
          target { value } realisedExtraJobs { value } shortfall { value source { kind } } surplus { value } progressPercent targetMet
          hiredExtraJobs { value } hiredSharePercent changeOnPreviousYear { value }
          quota {
            status applies explanation missingJobs levy { value }
            levyIfApplied { value source { kind note } } levyPerJob { value source { kind document url note } } rule { sector }
          }
        }
        market: sector(sector: MARKET) { shortfall { value } surplus { value } progressPercent targetMet quota { status applies levy { value } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const { government, market } = res.data!.jobAgreement;
    expect(government).toMatchObject({
      target: { value: "20000" },
      realisedExtraJobs: { value: "11842" },
      shortfall: { value: "8158", source: { kind: "DERIVED" } },
      surplus: { value: "0" },
      progressPercent: "59.21",
      targetMet: false,
      changeOnPreviousYear: { value: "-456" },
    });
    expect(Number(government.hiredSharePercent)).toBeCloseTo((4748.32 / 11842) * 100, 1);
    // no letter says whether the quota applies in 2021: the graph says so, and computes no levy as due
    expect(government.quota).toMatchObject({ status: "NOT_STATED", applies: null, levy: null, rule: null });
    expect(government.quota.explanation).toMatch(/^Not stated in the embedded sources/);
    expect(government.quota.missingJobs).toBe("8158");
    // what it would be: 8,158 × €5,000, the law's amount (Wfsv art. 38h lid 4)
    expect(government.quota.levyIfApplied.value).toBe("40790000.00");
    expect(government.quota.levyIfApplied.source.kind).toBe("DERIVED");
    expect(government.quota.levyPerJob.value).toBe("5000.00");
    expect(government.quota.levyPerJob.source).toMatchObject({
      kind: "OFFICIAL",
      url: "https://wetten.overheid.nl/BWBR0017745/2015-04-29",
    });
    expect(government.quota.levyPerJob.source.document).toContain("Wet financiering sociale verzekeringen");
    expect(market).toEqual({
      shortfall: { value: "0" },
      surplus: { value: "966" },
      progressPercent: "101.61",
      targetMet: true,
      quota: { status: "NOT_STATED", applies: null, levy: null },
    });
  });

  it("derives the 2020 levels from the 2021 figures and their published changes", async () => {
    const res = await stack.gql(`{
      jobAgreement(year: 2020) {
        totalJobs { value }
        sectors { sector directExtraJobs { value } extraJobs { value qualifier source { kind note } } realisedExtraJobs { value } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const year = res.data!.jobAgreement;
    const levels = Object.fromEntries(
      year.sectors.map((s: any) => [s.sector, [s.extraJobs.value, s.directExtraJobs?.value ?? null]]),
    );
    // market 60,966 − 7,168; government 11,842 + 456 (direct 7,094 − 1,239); total 72,809 − 6,712
    expect(levels).toEqual({
      MARKET: ["53798", null],
      GOVERNMENT: ["12298", "5855"],
      TOTAL: ["66097", null],
    });
    expect(year.totalJobs.value).toBe("141276");
    const government = year.sectors[1];
    expect(government.extraJobs.source.kind).toBe("DERIVED");
    expect(government.extraJobs.source.note).toContain(
      "The 2021 figure 11842 minus its published change of -456 on 2020",
    );
    expect(government.realisedExtraJobs.value).toBe("12298");
  });

  it("computes the change in persons in work, which rose while jobs fell (2016)", async () => {
    const res = await stack.gql(`{
      workingPeopleWithDisability { personsChange { value qualifier source { kind note } } jobsChange { value period } }
    }`);
    expect(res.errors).toBeUndefined();
    const { personsChange, jobsChange } = res.data!.workingPeopleWithDisability;
    expect(personsChange).toMatchObject({ value: "2714", qualifier: "STATED", source: { kind: "DERIVED" } });
    expect(personsChange.source.note).toContain("137753");
    expect(jobsChange).toEqual([{ value: "-4251", period: "2016" }]);
  });

  it("sets the published growth beside the regional figures' growth, which keeps it", async () => {
    const res = await stack.gql(`{
      jobAgreementGrowth {
        period fromPeriod toPeriod published { value source { kind } } publishedPercent
        impliedStartJobs { value qualifier source { kind } } regionalGrowth { value source { kind } } difference
      }
    }`);
    expect(res.errors).toBeUndefined();
    const [years, quarter] = res.data!.jobAgreementGrowth;
    expect(years).toMatchObject({
      period: "2015-2017",
      fromPeriod: "2015Q4",
      toPeriod: "2017Q4",
      published: { value: "15847", source: { kind: "OFFICIAL" } },
      publishedPercent: "16.5",
      impliedStartJobs: { value: "96042", qualifier: "ABOUT", source: { kind: "DERIVED" } },
      regionalGrowth: { source: { kind: "SYNTHETIC" } },
    });
    expect(Number(years.difference)).toBe(0);
    expect(quarter).toMatchObject({ period: "2017Q2", fromPeriod: "2016Q2", toPeriod: "2017Q2" });
    expect(Number(quarter.difference)).toBe(0);
  });

  it("gives targets for later years and no measurement where none was published", async () => {
    const res = await stack.gql(`{
      y2026: jobAgreement(year: 2026) { sectors { sector target { value } realisedExtraJobs { value } shortfall { value } } }
      y2019: jobAgreement(year: 2019) { year }
      years: jobAgreementYears { year }
    }`);
    expect(res.errors).toBeUndefined();
    expect(
      res.data!.y2026.sectors.map((s: any) => [s.sector, s.target.value, s.realisedExtraJobs, s.shortfall]),
    ).toEqual([
      ["MARKET", "100000", null, null],
      ["GOVERNMENT", "25000", null, null],
      ["TOTAL", "125000", null, null],
    ]);
    expect(res.data!.y2019).toBeNull();
    expect(res.data!.years.map((y: { year: number }) => y.year)).toEqual([2012, 2016, 2020, 2021, 2026]);
  });

  it("answers: the positive-advice rate for citizen requests in January–May 2017, beside the published one", async () => {
    const res = await stack.gql(`{
      citizens: shelteredWorkAssessments(period: "2017-01..2017-05", requester: CITIZEN) {
        period periodStart periodEnd assessments positive positiveRatePercent publishedPositiveRatePercent rateDifference source { kind date }
      }
      all: shelteredWorkAssessments(period: "2017-01..2017-05", requester: TOTAL) { positiveRatePercent publishedPositiveRatePercent rateDifference }
      months: shelteredWorkAssessments(requester: CITIZEN) { period assessments positive positiveRatePercent }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.citizens).toEqual([
      {
        period: "2017-01..2017-05",
        periodStart: "2017-01-01",
        periodEnd: "2017-05-31",
        assessments: 570,
        positive: 340,
        positiveRatePercent: "59.6",
        publishedPositiveRatePercent: "60",
        rateDifference: "-0.4",
        source: { kind: "OFFICIAL", date: "2017-06-30" },
      },
    ]);
    // the letter prints 71 % for 601 of 890, which is 67.5 %
    expect(res.data!.all).toEqual([
      { positiveRatePercent: "67.5", publishedPositiveRatePercent: "71", rateDifference: "-3.5" },
    ]);
    expect(res.data!.months.find((m: { period: string }) => m.period === "2017-03")).toEqual({
      period: "2017-03",
      assessments: 144,
      positive: null,
      positiveRatePercent: null,
    });
  });

  it("serves retention by background and the candidate profiles with their shares", async () => {
    const res = await stack.gql(`{
      wsw: retention(background: WSW) { metric period periodStart background percent source { kind } }
      q: retention(period: "2015Q3-2016Q3", background: ALL) { metric percent }
      candidateProfiles(period: "2017W40") { channel profiles sharePercent periodStart periodEnd }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.wsw).toEqual([
      {
        metric: "still_working_after_1y",
        period: "2015Q3-2016Q3",
        periodStart: "2015-07-01",
        background: "WSW",
        percent: "94",
        source: { kind: "OFFICIAL" },
      },
    ]);
    expect(res.data!.q).toEqual(
      expect.arrayContaining([
        { metric: "still_working_after_1y", percent: "87" },
        { metric: "working_at_all_intermediate_points", percent: "83" },
      ]),
    );
    expect(res.data!.candidateProfiles).toEqual([
      { channel: "MUNICIPAL", profiles: 3190, sharePercent: "4.1", periodStart: "2017-10-02", periodEnd: "2017-10-08" },
      { channel: "UWV", profiles: 74858, sharePercent: "95.9", periodStart: "2017-10-02", periodEnd: "2017-10-08" },
    ]);
  });

  it("joins region names (reference) with regional job figures (uwv) that sum to the national figures", async () => {
    const res = await stack.gql(`{
      labourMarketRegions(year: 2021) { code name jobAgreement(year: 2021) { period jobs baselineJobs extraJobs changeOnPreviousYear paidHoursPerWeek source { kind } } }
      y2021: regionalJobTotals(year: 2021) { regionCount jobs { value source { kind } } publishedNationalJobs { value } difference }
      y2012: regionalJobTotals(year: 2012) { jobs { value } publishedNationalJobs { value } difference }
      y2020: regionalJobTotals(year: 2020) { jobs { value } }
    }`);
    expect(res.errors).toBeUndefined();
    const regions = res.data!.labourMarketRegions;
    expect(regions).toHaveLength(35);
    expect(regions[0]).toMatchObject({
      code: "AM01",
      name: "Groningen",
      jobAgreement: { period: "2021Q4", source: { kind: "SYNTHETIC" } },
    });
    for (const r of regions) {
      const j = r.jobAgreement;
      expect(Number(j.jobs)).toBeCloseTo(Number(j.paidHoursPerWeek) / 25.5, 2);
      expect(Number(j.extraJobs)).toBeCloseTo(Number(j.jobs) - Number(j.baselineJobs), 2);
    }
    const sum = regions.reduce((s: number, r: any) => s + Number(r.jobAgreement.jobs), 0);
    expect(sum).toBe(147_988);
    expect(res.data!.y2021).toEqual({
      regionCount: 35,
      jobs: { value: "147988.00", source: { kind: "SYNTHETIC" } },
      publishedNationalJobs: { value: "147988" },
      difference: "0.00",
    });
    expect(res.data!.y2012).toEqual({
      jobs: { value: "75179.00" },
      publishedNationalJobs: { value: "75179" },
      difference: "0.00",
    });
    // 2020 follows from 2021 and its published change (+6,712)
    expect(res.data!.y2020.jobs.value).toBe(String(147_988 - 6_712) + ".00");
  });

  it("makes a constant number of SQL queries for all 35 regions × 10 years", async () => {
    const query = `query ($from: Int!, $to: Int!) { labourMarketRegions(year: 2021) { name jobAgreementSeries(fromYear: $from, toYear: $to) { period jobs extraJobs changeOnPreviousYear source { kind } } } }`;
    const counts = async (from: number, to: number) => {
      const before = stack.sqlCounts();
      const res = await stack.gql(query, { from, to });
      expect(res.errors).toBeUndefined();
      const points = res.data!.labourMarketRegions.reduce((s: number, r: any) => s + r.jobAgreementSeries.length, 0);
      const after = stack.sqlCounts();
      return { points, reference: after.reference - before.reference, uwv: after.uwv - before.uwv };
    };
    stack.emptyCaches();
    const one = await counts(2021, 2021);
    stack.emptyCaches();
    const ten = await counts(2015, 2024);
    expect(one.points).toBe(35);
    expect(ten.points).toBe(350);
    expect({ reference: ten.reference, uwv: ten.uwv }).toEqual({ reference: one.reference, uwv: one.uwv });
    expect(ten.uwv).toBeLessThanOrEqual(3);
    const warm = await counts(2015, 2024);
    expect({ reference: warm.reference, uwv: warm.uwv }).toEqual({ reference: 0, uwv: 0 });
  });

  it("sends no SQL for the national job-agreement table once it has been read", async () => {
    const query = `{ jobAgreement(year: 2021) { sectors { sector extraJobs { value source { kind } } shortfall { value } } } }`;
    await stack.gql(query);
    const sql = await stack.sqlDuring(() => stack.gql(query));
    expect(sql.uwv).toBe(0);
  });

  it("answers bad input with BAD_USER_INPUT and unknown sectors with a validation error, never a 500", async () => {
    const year = await stack.gql(`{ jobAgreement(year: 3000) { year } }`);
    expect(year.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "year" });
    const quarter = await stack.gql(
      `{ labourMarketRegion(code: "AM01") { jobAgreement(year: 2021, quarter: 5) { jobs } } }`,
    );
    expect(quarter.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "quarter" });
    const range = await stack.gql(
      `{ labourMarketRegion(code: "AM01") { jobAgreementSeries(fromYear: 2021, toYear: 2015) { jobs } } }`,
    );
    expect(range.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "toYear" });
    const sector = await stack.gql(`{ jobAgreement(year: 2021) { sector(sector: FARMING) { target { value } } } }`);
    expect(sector.status).toBeLessThan(500);
    expect(sector.errors![0]!.message).toMatch(/Sector/);
    const empty = await stack.gql(
      `{ labourMarketRegion(code: "AM01") { jobAgreement(year: 1995) { jobs } jobAgreementSeries(fromYear: 1990, toYear: 2000) { jobs } } }`,
    );
    expect(empty.errors).toBeUndefined();
    expect(empty.data).toEqual({ labourMarketRegion: { jobAgreement: null, jobAgreementSeries: [] } });
  });
});
