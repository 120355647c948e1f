import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalStack } from "../../src/app.ts";
import { importSourceRow } from "../../src/common/import/csv-import.ts";
import { runImport } from "../../src/common/import/run.ts";
import { readOfficialFigures } from "../../src/common/official-figures/read.ts";
import { regionalJobs } from "../../src/subgraphs/uwv/import.ts";
import { regionsByYear } from "../../src/subgraphs/uwv/synthetic.ts";
import { generateSyntheticRegional, nationalYearEnds } from "../../src/subgraphs/uwv/synthetic.ts";
import { BACKENDS, type TestDatabase } from "../support/databases.ts";
import { postGraphQL } from "../support/stack.ts";

describe("synthetic regional figures", () => {
  const figures = readOfficialFigures("uwv");

  it("anchor on the published and derived national year-ends", () => {
    const points = nationalYearEnds(figures, [2015, 2016, 2020, 2021, 2023], 1);
    expect(points.find((p) => p.year === 2012)).toEqual({ year: 2012, jobs: 75_179, basis: "published" });
    expect(points.find((p) => p.year === 2021)).toEqual({ year: 2021, jobs: 147_988, basis: "published" });
    expect(points.find((p) => p.year === 2020)).toEqual({ year: 2020, jobs: 147_988 - 6_712, basis: "derived" });
    expect(points.find((p) => p.year === 2016)).toEqual({ year: 2016, jobs: 75_179 + 22_000, basis: "derived" });
    // 2015 and 2017 follow from the published growth: +15,847 jobs = +16.5 % (2015: 15,847 ÷ 0.165)
    expect(points.find((p) => p.year === 2015)).toEqual({ year: 2015, jobs: 96_042, basis: "derived" });
    expect(nationalYearEnds(figures, [2017], 1).find((p) => p.year === 2017)).toEqual({
      year: 2017,
      jobs: 96_042 + 15_847,
      basis: "derived",
    });
    expect(points.find((p) => p.year === 2023)!.basis).toBe("synthetic");
  });

  it("keep the published growth: 2015→2017 +15,847 and Q2 2016→Q2 2017 +11,706, summed over the regions", () => {
    const out = generateSyntheticRegional(
      { regions: regionsByYear(), figures },
      { seed: 1, years: [2015, 2016, 2017] },
    );
    const jobs = (year: number, quarter: number) =>
      out.measurements
        .filter((m) => m.year === year && m.quarter === quarter)
        .reduce((sum, m) => sum + Number(m.paidHoursPerWeek) / 25.5, 0);
    expect(Math.round(jobs(2017, 4) - jobs(2015, 4))).toBe(15_847);
    expect(Math.round(jobs(2017, 2) - jobs(2016, 2))).toBe(11_706);
  });

  it("sum per quarter to the national figure exactly, in whole jobs of 25.5 hours", () => {
    const out = generateSyntheticRegional({ regions: regionsByYear(), figures }, { seed: 4, years: [2020, 2021] });
    const hours = (year: number, quarter: number) =>
      out.measurements
        .filter((m) => m.year === year && m.quarter === quarter)
        .reduce((s, m) => s + Number(m.paidHoursPerWeek), 0);
    expect(hours(2021, 4) / 25.5).toBe(147_988);
    expect(hours(2012, 4) / 25.5).toBe(75_179);
    expect(out.measurements.filter((m) => m.year === 2021)).toHaveLength(35 * 4);
    expect(out.measurements.every((m) => Number.isInteger(Number(m.paidHoursPerWeek) / 25.5))).toBe(true);
    expect(out.source.kind).toBe("SYNTHETIC");
    const again = generateSyntheticRegional({ regions: regionsByYear(), figures }, { seed: 4, years: [2020, 2021] });
    expect(again.measurements).toEqual(out.measurements);
  });
});

const dir = mkdtempSync(path.join(tmpdir(), "regional-import-"));
const csv = (name: string, content: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};
const source = importSourceRow({
  publisher: "UWV",
  document: "Trendrapportage banenafspraak (test)",
  date: "2022-06",
  kind: "OFFICIAL",
});

describe.each(BACKENDS)("importing regional job figures ($name)", (backend) => {
  let db: TestDatabase;
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  beforeAll(async () => {
    db = await backend.fresh();
    stack = await startLocalStack(db.location, { synthetic: null });
  });
  afterAll(async () => {
    await stack?.stop();
    await db?.drop();
  });

  it("rejects a malformed file with row and column, writing nothing", async () => {
    const file = csv(
      "bad.csv",
      "region_code,year,quarter,paid_hours_per_week,jobs\nAM01,2021,5,100,\nAM99,2021,4,100,\nAM02,2021,4,100,4\nAM03,20x1,,,\n",
    );
    const summary = await runImport(stack.databases.uwv, regionalJobs, file, source);
    expect(summary.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "quarter"],
      [3, "region_code"],
      [4, "paid_hours_per_week"],
      [5, "year"],
    ]);
    expect(summary.rejected).toBe(4);
    expect(await stack.databases.uwv.prisma.regionalJobMeasurement.count()).toBe(0);
  });

  it("imports hours or jobs, computes jobs and growth from them, and changes nothing on a second import", async () => {
    const file = csv(
      "good.csv",
      "region_code,year,quarter,paid_hours_per_week,jobs\nAM01,2012,,,2000\nAM01,2020,4,51000,\nAM01,2021,4,52020.5,\nam02,2021,,,1500.5\n",
    );
    expect((await runImport(stack.databases.uwv, regionalJobs, file, source)).written).toEqual({
      inserted: 4,
      updated: 0,
      unchanged: 0,
    });
    expect((await runImport(stack.databases.uwv, regionalJobs, file, source)).written).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 4,
    });
    const res = await postGraphQL(
      stack.gateway.url,
      `{
      labourMarketRegion(code: "AM01") { name jobAgreement(year: 2021) { paidHoursPerWeek jobs baselineJobs extraJobs changeOnPreviousYear source { kind publisher } } }
      regionalJobTotals(year: 2021) { regionCount jobs { value } publishedNationalJobs { value } difference }
    }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.labourMarketRegion).toEqual({
      name: "Groningen",
      jobAgreement: {
        paidHoursPerWeek: "52020.5",
        jobs: "2040.02",
        baselineJobs: "2000.00",
        extraJobs: "40.02",
        changeOnPreviousYear: "40.02",
        source: { kind: "OFFICIAL", publisher: "UWV" },
      },
    });
    // two regions do not make the country: the difference shows it
    expect(res.data!.regionalJobTotals.regionCount).toBe(2);
    expect(res.data!.regionalJobTotals.publishedNationalJobs.value).toBe("147988");
    expect(Number(res.data!.regionalJobTotals.difference)).toBeLessThan(0);
  });
});
