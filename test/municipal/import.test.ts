import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalStack } from "../../src/app.ts";
import { importSourceRow, type ImportError } from "../../src/common/import/csv-import.ts";
import { runImport } from "../../src/common/import/run.ts";
import { MUNICIPAL_IMPORTS } from "../../src/subgraphs/municipal/import.ts";
import { storeSyntheticMunicipal } from "../../src/subgraphs/municipal/synthetic.ts";
import { BACKENDS, type TestDatabase } from "../support/databases.ts";
import { postGraphQL } from "../support/stack.ts";

const dir = mkdtempSync(path.join(tmpdir(), "import-test-"));
let n = 0;
function csv(content: string): string {
  const file = path.join(dir, `file-${++n}.csv`);
  writeFileSync(file, content);
  return file;
}

const source = importSourceRow({
  publisher: "Ministerie van SZW",
  document: "BUIG budgetten (test)",
  date: "2022-09-30",
  kind: "OFFICIAL",
});

describe.each(BACKENDS)("importing municipal figures ($name)", (backend) => {
  let db: TestDatabase;
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  beforeAll(async () => {
    db = await backend.fresh();
    // official data only, so what the tests import is all there is
    stack = await startLocalStack(db.location, { synthetic: null });
  });
  afterAll(async () => {
    await stack?.stop();
    await db?.drop();
  });
  const municipal = () => stack.databases.municipal;
  const rowCount = async () => {
    const p = municipal().prisma;
    return (
      (await p.buigBudget.count()) +
      (await p.buigSpending.count()) +
      (await p.participationShare.count()) +
      (await p.municipalSource.count())
    );
  };

  it.each([
    [
      "a wrong header",
      "year,code,stage,budget_eur\n2017,GM0014,definitive,1.00\n",
      [
        { row: 1, column: "code" },
        { row: 1, column: "municipality_code" },
      ],
    ],
    [
      "a malformed amount, year, code and stage",
      "year,municipality_code,stage,budget_eur\n2017,GM0014,definitive,12.345\n17,GM14,final,-5\n",
      [
        { row: 2, column: "budget_eur" },
        { row: 3, column: "year" },
        { row: 3, column: "municipality_code" },
        { row: 3, column: "stage" },
        { row: 3, column: "budget_eur" },
      ],
    ],
    [
      "an unknown municipality beside good rows",
      "year,municipality_code,stage,budget_eur\n2017,GM0014,definitive,100.00\n2017,GM9999,definitive,100.00\n",
      [{ row: 3, column: "municipality_code" }],
    ],
    [
      "a duplicate row",
      "year,municipality_code,stage,budget_eur\n2017,GM0014,definitive,1.00\n2017,gm0014,DEFINITIVE,2.00\n",
      [{ row: 3, column: "municipality_code,year,stage" }],
    ],
    ["a ragged row", "year,municipality_code,stage,budget_eur\n2017,GM0014,definitive\n", [{ row: 2, column: null }]],
    ["no rows at all", "year,municipality_code,stage,budget_eur\n", [{ row: 1, column: null }]],
  ])("rejects %s, pointing at row and column, and writes nothing", async (_, content, expected) => {
    const before = await rowCount();
    const file = csv(content);
    const summary = await runImport(municipal(), MUNICIPAL_IMPORTS["buig-budgets"], file, source);
    expect(summary.errors.map((e: ImportError) => ({ row: e.row, column: e.column }))).toEqual(expected);
    for (const e of summary.errors) {
      expect(e.file).toBe(path.basename(file));
      expect(e.message.length).toBeGreaterThan(5);
    }
    expect(summary.written).toEqual({ inserted: 0, updated: 0, unchanged: 0 });
    expect(await rowCount()).toBe(before);
  });

  it("imports a good file in one go, records its source, and changes nothing the second time", async () => {
    const file = csv(
      "year,municipality_code,stage,budget_eur,share,published_on\n" +
        "2021,GM0398,definitive,25000000.00,,2021-09-30\n" +
        "2021,GM0416,definitive,11000000.50,,2021-09-30\n" +
        "2022,GM1980,definitive,37500000.00,0.0063,2022-09-30\n",
    );
    const dry = await runImport(municipal(), MUNICIPAL_IMPORTS["buig-budgets"], file, source, { dryRun: true });
    expect(dry.written).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    expect(await municipal().prisma.buigBudget.count()).toBe(0);

    const first = await runImport(municipal(), MUNICIPAL_IMPORTS["buig-budgets"], file, source);
    expect(first).toMatchObject({ read: 3, rejected: 0, written: { inserted: 3, updated: 0, unchanged: 0 } });
    const again = await runImport(municipal(), MUNICIPAL_IMPORTS["buig-budgets"], file, source);
    expect(again.written).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    const spending = csv(
      "year,municipality_code,spending_eur\n2021,GM0398,27500000.00\n2021,GM0416,10000000.00\n2022,GM1980,45000000.00\n",
    );
    expect((await runImport(municipal(), MUNICIPAL_IMPORTS["buig-spending"], spending, source)).written.inserted).toBe(
      3,
    );

    const res = await postGraphQL(
      stack.gateway.url,
      `{
      heerhugowaard: municipality(code: "GM0398") { buig(year: 2021) { budget { value source { kind publisher document date } } result { amount percentOfBudget kind } safetyNet { payment eligible deficitPercentOfBudget } } }
    }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.heerhugowaard.buig).toEqual({
      budget: {
        value: "25000000.00",
        source: {
          kind: "OFFICIAL",
          publisher: "Ministerie van SZW",
          document: "BUIG budgetten (test)",
          date: "2022-09-30",
        },
      },
      result: { amount: "-2500000.00", percentOfBudget: "-10.00", kind: "DEFICIT" },
      // 2021 rule (assumed): own risk 7.5 %, half of 7.5–12.5 %: 1.25 % of €25 m
      safetyNet: { payment: "312500.00", eligible: true, deficitPercentOfBudget: "10.00" },
    });
  });

  it("sums a region over the municipalities of each year across a merger", async () => {
    // Heerhugowaard and Langedijk (until 2021) merged into Dijk en Waard (from 2022), region AM15
    const res = await postGraphQL(
      stack.gateway.url,
      `{
      labourMarketRegion(code: "AM15") {
        y2021: buig(year: 2021) { municipalityCount budget { value } spending { value } municipalitiesWithSpending result { amount } safetyNetPayments { value } }
        y2022: buig(year: 2022) { municipalityCount budget { value } result { amount } }
        y2023: buig(year: 2023) { municipalityCount }
      }
    }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.labourMarketRegion).toEqual({
      y2021: {
        municipalityCount: 2,
        budget: { value: "36000000.50" },
        spending: { value: "37500000.00" },
        municipalitiesWithSpending: 2,
        result: { amount: "-1499999.50" },
        safetyNetPayments: { value: "312500.00" },
      },
      y2022: { municipalityCount: 1, budget: { value: "37500000.00" }, result: { amount: "-7500000.00" } },
      y2023: null,
    });
  });

  it("lets imported figures win over synthetic ones, both ways", async () => {
    const generated = await storeSyntheticMunicipal(municipal(), { seed: 3, years: [2021, 2022] });
    expect(generated.inserted).toBeGreaterThan(0);
    const kept = await municipal().prisma.buigBudget.findUnique({
      where: { municipalityCode_year_stage: { municipalityCode: "GM0398", year: 2021, stage: "DEFINITIVE" } },
    });
    expect(kept?.sourceId).toBe(source.id);
    expect(kept?.amountCents).toBe(2_500_000_000n);
    // a synthetic row is replaced by an import with the same key
    const synthetic = await municipal().prisma.buigBudget.findUnique({
      where: { municipalityCode_year_stage: { municipalityCode: "GM0363", year: 2021, stage: "DEFINITIVE" } },
    });
    expect(synthetic?.sourceId).toMatch(/^synthetic-/);
    const file = csv("year,municipality_code,stage,budget_eur\n2021,GM0363,definitive,700000000.00\n");
    expect((await runImport(municipal(), MUNICIPAL_IMPORTS["buig-budgets"], file, source)).written.updated).toBe(1);
    const replaced = await municipal().prisma.buigBudget.findUnique({
      where: { municipalityCode_year_stage: { municipalityCode: "GM0363", year: 2021, stage: "DEFINITIVE" } },
    });
    expect(replaced?.sourceId).toBe(source.id);
  });
});
