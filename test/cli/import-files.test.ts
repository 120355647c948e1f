// How import files are read: delimiters, every row's errors, Dutch numbers, calendar dates, and how
// verify tells real from synthetic figures. Pure functions and real files, no database.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectDelimiter, isCalendarDate, parseImportFile } from "../../src/common/import/csv-import.ts";
import { basisOf, isFailure, isOfficialCheck, type Check } from "../../src/data/verify.ts";
import { buigBudgets } from "../../src/subgraphs/municipal/import.ts";
import { regionalJobs } from "../../src/subgraphs/uwv/import.ts";

const dir = mkdtempSync(path.join(tmpdir(), "import-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parse = (content: string) => {
  const f = path.join(dir, "budgets.csv");
  writeFileSync(f, content);
  return parseImportFile(f, buigBudgets.format);
};
const messages = (content: string) => parse(content).errors.map((e) => `${e.row} ${e.column ?? "-"}: ${e.message}`);

describe("import files", () => {
  it("accepts real calendar dates only", () => {
    for (const ok of ["2024", "2024-09", "2024-09-30", "2024-02-29", "2000-02-29"])
      expect(isCalendarDate(ok)).toBe(true);
    for (const bad of [
      "2017-13-45",
      "2017-02-30",
      "2023-02-29",
      "1900-02-29",
      "2017-00",
      "2017-04-31",
      "17-01-01",
      "",
    ]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });

  it("refuses an impossible date in a file, naming row and column", () => {
    expect(
      messages("year,municipality_code,stage,budget_eur,published_on\n2017,GM0363,definitive,1.00,2017-02-30\n"),
    ).toEqual(["2 published_on: must be a date: 2024, 2024-09 or 2024-09-30 (a real month and day)"]);
  });

  it("reads comma, semicolon and tab files alike", () => {
    expect(detectDelimiter("year;municipality_code;stage\n")).toBe(";");
    expect(detectDelimiter("\uFEFFyear\tmunicipality_code\n")).toBe("\t");
    expect(detectDelimiter("year,municipality_code\n")).toBe(",");
    for (const d of [",", ";", "\t"]) {
      const parsed = parse(
        ["year", "municipality_code", "stage", "budget_eur"].join(d) +
          "\n" +
          ["2017", "GM0363", "definitive", "12.50"].join(d) +
          "\n",
      );
      expect(parsed.errors).toEqual([]);
      expect(parsed.rows.map((r) => r.row)).toMatchObject([{ municipalityCode: "GM0363", cents: 1250n }]);
    }
  });

  it("reports every row's problems even when one row has the wrong number of values", () => {
    expect(
      messages(
        "year,municipality_code,stage,budget_eur\n" +
          "2017,GM0363,definitive\n" + // short
          "2017,GM0014,final,5\n" +
          "2017,GM0034,definitive,5,extra\n" + // long
          "2017,GM0344,definitive,7.00\n",
      ),
    ).toEqual([
      "2 -: 3 values where the header has 4 columns",
      "3 stage: must be provisional, further_provisional or definitive",
      "4 -: 5 values where the header has 4 columns",
    ]);
  });

  it("says how to write a Dutch decimal comma", () => {
    expect(messages("year;municipality_code;stage;budget_eur\n2017;GM0363;definitive;1.234.567,89\n")).toEqual([
      '2 budget_eur: must be an amount in euros with at most two decimals and a point, e.g. "1234567.89" (found "1.234.567,89": write a decimal point and no thousands separators, e.g. "1234567.89")',
    ]);
    // every decimal column, not only amounts in euros
    const jobs = path.join(dir, "jobs.csv");
    writeFileSync(jobs, "region_code;year;jobs\nAM01;2021;4.021,5\n");
    expect(parseImportFile(jobs, regionalJobs.format).errors.map((e) => `${e.row} ${e.column}: ${e.message}`)).toEqual([
      '2 jobs: must be a number of jobs with a point and at most four decimals, e.g. 12345.5 (found "4.021,5": write a decimal point and no thousands separators, e.g. "4021.5")',
    ]);
    expect(messages("year,municipality_code,stage,budget_eur\n2017,GM0363,definitive,1234,56\n")).toEqual([
      '2 -: 5 values where the header has 4 columns; a decimal comma? write amounts with a point ("1234.56"), or quote them in a semicolon-separated file',
    ]);
  });
});

describe("verify's bases", () => {
  const check = (storedBasis: Check["storedBasis"], referenceBasis: Check["referenceBasis"], ok: boolean): Check => ({
    what: "x",
    stored: "1",
    reference: "1",
    difference: "0",
    ok,
    storedBasis,
    referenceBasis,
  });

  it("rests on real figures only when no source is synthetic", () => {
    expect(basisOf(["OFFICIAL", "STATED"])).toBe("REAL");
    expect(basisOf(["SYNTHETIC", "SYNTHETIC"])).toBe("SYNTHETIC");
    expect(basisOf(["OFFICIAL", "SYNTHETIC"])).toBe("MIXED");
  });

  it("calls a check official only when both sides are real, and fails a difference unless real and synthetic are mixed", () => {
    expect(isOfficialCheck(check("REAL", "REAL", true))).toBe(true);
    expect(isOfficialCheck(check("SYNTHETIC", "REAL", true))).toBe(false);
    expect(isOfficialCheck(check("REAL", "SYNTHETIC", true))).toBe(false);
    expect(isFailure(check("REAL", "REAL", false))).toBe(true);
    expect(isFailure(check("SYNTHETIC", "SYNTHETIC", false))).toBe(true);
    expect(isFailure(check("MIXED", "REAL", false))).toBe(false);
    expect(isFailure(check("REAL", "REAL", true))).toBe(false);
  });
});
