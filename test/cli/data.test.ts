import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "data-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run data -- …` as a user runs it, on an embedded database of its own. */
const data = (...args: string[]) => dataIn(path.join(dir, "db"), ...args);

/** The same, on the embedded database in `dataDir`. */
function dataIn(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/data.ts", ...args],
      { cwd: root, env },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const file = (name: string, content: string) => {
  const f = path.join(dir, name);
  writeFileSync(f, content);
  return f;
};
const SOURCE = [
  "--source-publisher",
  "Ministerie van SZW",
  "--source-document",
  "BUIG budgetten 2017",
  "--source-date",
  "2017-09-29",
];

describe("the data CLI", () => {
  it("lists the import formats", async () => {
    const { code, stdout } = await data("formats");
    expect(code).toBe(0);
    for (const name of [
      "buig-budgets",
      "buig-spending",
      "participation-shares",
      "buig-macrobudget",
      "sheltered-work-places",
      "regional-jobs",
    ]) {
      expect(stdout).toContain(name);
    }
  }, 60_000);

  it("refuses a broken file with every error by line and column, writes nothing, and exits 1", async () => {
    const broken = file(
      "broken.csv",
      "year,municipality_code,stage,budget_eur\n2017,GM0363,definitive,1.005\n2017,GM9999,definitive,5\n2017,GM0014,final,5\n2030,GM0014,definitive,5\n",
    );
    const { code, stdout, stderr } = await data("import", "buig-budgets", broken, ...SOURCE);
    expect(code).toBe(1);
    expect(stderr).toContain("broken.csv:2 column budget_eur: must be an amount in euros");
    expect(stderr).toContain("broken.csv:3 column municipality_code: unknown municipality GM9999");
    expect(stderr).toContain("broken.csv:4 column stage: must be provisional, further_provisional or definitive");
    expect(stderr).toContain("broken.csv:5 column year: 2030 is outside the years of the municipal tables (2010–2026)");
    expect(stdout).toMatch(/4 rows read, 4 rejected; .*nothing written/);

    const future = file("jobs.csv", "region_code,year,jobs\nAM01,2011,5\nAM01,2027,5\nAM99,2021,5\n");
    const jobs = await data("import", "regional-jobs", future, ...SOURCE);
    expect(jobs.code).toBe(1);
    expect(jobs.stderr).toContain(
      "jobs.csv:2 column year: 2011 is outside the job agreement's measurements (2012–2026)",
    );
    expect(jobs.stderr).toContain(
      "jobs.csv:3 column year: 2027 is outside the job agreement's measurements (2012–2026)",
    );
    expect(jobs.stderr).toContain("jobs.csv:4 column region_code: unknown labour-market region AM99");
  }, 60_000);

  it("generates synthetic data at a chosen scale, verifies it, sees an import break a total, and exports", async () => {
    const generated = await data("generate", "--seed", "3", "--years", "2016-2017", "--municipalities", "342");
    expect(generated.code).toBe(0);
    expect(generated.stdout).toContain("scale: 2 years × 342 municipalities");
    expect(generated.stderr).toMatch(/generate: 2\/2/); // progress lines when not on a terminal

    const clean = await data("verify");
    expect(clean.code).toBe(0);
    // generated figures are never called official: every check is a consistency check
    expect(clean.stdout).toContain("Real figures against published national figures (0):");
    expect(clean.stdout).toContain(
      "ok   BUIG 2017: municipal budgets vs the macrobudget (further_provisional): stored 5800000000.00 (synthetic), published 5800000000.00",
    );
    expect(clean.stdout).toMatch(
      /verify: 0 official checks, 0 differences; \d+ synthetic-consistency checks, 0 differences/,
    );

    const dry = await data(
      "import",
      "buig-budgets",
      file("one.csv", "year,municipality_code,stage,budget_eur\n2017,GM0363,further_provisional,1.00\n"),
      ...SOURCE,
      "--dry-run",
    );
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("would write: 0 inserted, 1 updated");
    expect((await data("verify")).code).toBe(0);

    const real = await data("import", "buig-budgets", path.join(dir, "one.csv"), ...SOURCE);
    expect(real.stdout).toContain("written: 0 inserted, 1 updated");
    // one real budget among synthetic ones: the sum is partly synthetic, its difference expected
    const mixed = await data("verify");
    expect(mixed.code).toBe(0);
    expect(mixed.stdout).toMatch(
      /DIFF BUIG 2017: municipal budgets vs the macrobudget \(further_provisional\): stored \d+\.\d\d \(partly synthetic\), published 5800000000\.00, difference -\d+\.\d\d/,
    );
    expect(mixed.stdout).toContain("1 difference is expected: real figures have replaced some synthetic ones");

    const out = path.join(dir, "municipalities.csv");
    const exported = await data("export", "buig-municipalities", "--years", "2017", "-o", out);
    expect(exported.code).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe(
      "municipality_code,name,year,stage,budget_eur,spending_eur,result_eur,result_percent,safety_net_eur,source_kind",
    );
    expect(lines).toHaveLength(343);
    expect(lines.find((l) => l.startsWith("GM0363,"))).toMatch(
      /^GM0363,Amsterdam,2017,FURTHER_PROVISIONAL,1\.00,.*,OFFICIAL$/,
    );
  }, 180_000);

  it("checks real figures against the published ones apart from synthetic ones, and fails on their difference", async () => {
    const db = path.join(dir, "real");
    expect((await dataIn(db, "generate", "--seed", "4", "--years", "2017", "--municipalities", "2")).code).toBe(0);
    const out = path.join(dir, "two.csv");
    expect((await dataIn(db, "export", "buig-municipalities", "--years", "2017", "-o", out)).code).toBe(0);
    const codes = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","))
      .filter((cells) => cells[4] !== "")
      .map((cells) => cells[0]);
    expect(codes).toHaveLength(2);

    // both municipalities real, one cent short of the published macrobudget
    const budgets = file(
      "two-real.csv",
      `year,municipality_code,stage,budget_eur\n2017,${codes[0]},definitive,2900000000.00\n2017,${codes[1]},definitive,2899999999.99\n`,
    );
    expect((await dataIn(db, "import", "buig-budgets", budgets, ...SOURCE)).code).toBe(0);
    const checked = await dataIn(db, "verify");
    expect(checked.code).toBe(1);
    const [real, synthetic] = checked.stdout.split("Synthetic figures against the totals they were made to match");
    expect(real).toContain("Real figures against published national figures (1):");
    expect(real).toContain(
      "DIFF BUIG 2017: municipal budgets vs the macrobudget (further_provisional): stored 5799999999.99, published 5800000000.00, difference -0.01",
    );
    expect(synthetic).not.toContain("BUIG 2017: municipal budgets");
    expect(checked.stdout).toMatch(
      /verify: 1 official checks, 1 difference; \d+ synthetic-consistency checks, 0 differences/,
    );
  }, 120_000);
});
