import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/databases.ts";
import { startTestStack, type TestStack } from "../support/stack.ts";

const cents = (euros: string) => BigInt(euros.replace(".", ""));
const SOURCE = "source { kind publisher document note }";

describe.each(BACKENDS)("budgets through the gateway ($name)", (backend) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(backend);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("gives the national BUIG figures as the minister published them", async () => {
    const res = await stack.gql(`{
      y2016: buigNational(year: 2016) {
        macrobudget { stage value qualifier ${SOURCE} }
        publishedResult { amount percentOfBudget kind qualifier ${SOURCE} }
        spending { value qualifier }
      }
      y2017: buigNational(year: 2017) {
        macrobudget { stage value qualifier publishedOn ${SOURCE} }
        macrobudgetStages { stage value qualifier source { kind } }
        changeOnPreviousYear { value qualifier }
      }
      y2013: buigNational(year: 2013) { publishedResult { amount kind qualifier } macrobudget { value } }
      cumulative: municipalFigures(topic: BUIG, period: "2012-2016") { metric value unit qualifier }
    }`);
    expect(res.errors).toBeUndefined();
    const { y2016, y2017, y2013, cumulative } = res.data!;
    expect(y2016.publishedResult).toMatchObject({
      amount: "-270000000.00",
      percentOfBudget: "-4.8",
      kind: "DEFICIT",
      qualifier: "ABOUT",
    });
    expect(y2016.publishedResult.source.kind).toBe("OFFICIAL");
    // 2016's macrobudget follows from 2017's (€5.8 bn) and the published increase of €142 m
    expect(y2016.macrobudget).toMatchObject({ stage: "DEFINITIVE", value: "5658000000.00", qualifier: "ABOUT" });
    expect(y2016.macrobudget.source.kind).toBe("DERIVED");
    expect(y2016.spending).toEqual({ value: "5928000000.00", qualifier: "ABOUT" });
    expect(y2017.macrobudget).toMatchObject({
      stage: "FURTHER_PROVISIONAL",
      value: "5800000000.00",
      qualifier: "ABOUT",
      publishedOn: "2017-06-30",
    });
    expect(y2017.macrobudget.source.kind).toBe("OFFICIAL");
    expect(y2017.macrobudgetStages).toEqual([
      { stage: "PROVISIONAL", value: "5774000000.00", qualifier: "ABOUT", source: { kind: "DERIVED" } },
      { stage: "FURTHER_PROVISIONAL", value: "5800000000.00", qualifier: "ABOUT", source: { kind: "OFFICIAL" } },
    ]);
    expect(y2017.changeOnPreviousYear).toEqual({ value: "142000000.00", qualifier: "STATED" });
    expect(y2013).toEqual({
      publishedResult: { amount: "300000000.00", kind: "SURPLUS", qualifier: "ABOUT" },
      macrobudget: null,
    });
    expect(cumulative).toEqual([
      { metric: "cumulative_result", value: "-35", unit: "EUR_MILLION", qualifier: "ABOUT" },
      { metric: "cumulative_result_pct", value: "0.12", unit: "PERCENT", qualifier: "STATED" },
    ]);
  });

  it("gives the participation budget 2017–2021 as published, with the rounding of 2021 visible", async () => {
    const res = await stack.gql(`{
      participationBudgets {
        year total { value source { kind } } classicTargetGroup { value } newTargetGroup { value }
        partsSum { value } partsDifference allocationDifference municipalTotal { municipalityCount total { value source { kind } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const table = res.data!.participationBudgets.map((y: any) => [
      y.year,
      y.total.value,
      y.classicTargetGroup.value,
      y.newTargetGroup.value,
    ]);
    expect(table).toEqual([
      [2017, "612709000.00", "522856000.00", "89853000.00"],
      [2018, "622149000.00", "511136000.00", "111013000.00"],
      [2019, "643794000.00", "513779000.00", "130015000.00"],
      [2020, "658958000.00", "513775000.00", "145183000.00"],
      [2021, "699724000.00", "513772000.00", "185953000.00"],
    ]);
    const y2021 = res.data!.participationBudgets[4];
    expect(y2021.partsSum.value).toBe("699725000.00");
    expect(y2021.partsDifference).toBe("1000.00");
    // the municipalities of each year: 388 in 2017, 380 in 2018, 355 in 2019 and 2020, 352 in 2021
    const municipalitiesOf: Record<number, number> = { 2017: 388, 2018: 380, 2019: 355, 2020: 355, 2021: 352 };
    for (const y of res.data!.participationBudgets) {
      expect(y.total.source.kind).toBe("OFFICIAL");
      // synthetic shares divide each published part exactly
      expect(y.allocationDifference).toBe("0.00");
      expect(y.municipalTotal.municipalityCount).toBe(municipalitiesOf[y.year]);
      expect(y.municipalTotal.total.source.kind).toBe("SYNTHETIC");
    }
  });

  it("adds the synthetic municipal figures up to the national totals, and says they are synthetic", async () => {
    const res = await stack.gql(`{
      buigNationalYears { year macrobudget { value } municipalTotal { municipalityCount budget { value source { kind } } } budgetDifference { value } resultDifference { value } }
    }`);
    expect(res.errors).toBeUndefined();
    const years = res.data!.buigNationalYears;
    expect(years.map((y: { year: number }) => y.year)).toEqual([
      2013, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024,
    ]);
    const municipalitiesOf: Record<number, number> = {
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
    };
    for (const y of years.filter((y: { municipalTotal: unknown }) => y.municipalTotal)) {
      // each year's figures go to the municipalities of that year, and still add up to the cent
      expect(y.municipalTotal.municipalityCount).toBe(municipalitiesOf[y.year]);
      expect(y.budgetDifference.value).toBe("0.00");
      expect(y.municipalTotal.budget.source.kind).toBe("SYNTHETIC");
    }
    expect(years.find((y: { year: number }) => y.year === 2016).resultDifference.value).toBe("0.00");
  });

  it("answers the done-when question: a municipality and its region in 2017, each figure with provenance", async () => {
    const res = await stack.gql(`{
      municipality(code: "GM0014") {
        name
        buig(year: 2017) {
          budget { stage value ${SOURCE} } spending { value ${SOURCE} }
          result { amount percentOfBudget kind ${SOURCE} }
          safetyNet { payment eligible rule { ownRiskPercent source { kind note } } ${SOURCE} }
        }
        participationBudget(year: 2017) { classicTargetGroup { share amount ${SOURCE} } newTargetGroup { amount } total { value ${SOURCE} } }
        labourMarketRegion(year: 2017) {
          name
          buig(year: 2017) { municipalityCount budget { value ${SOURCE} } spending { value } result { amount percentOfBudget ${SOURCE} } safetyNetPayments { value } }
          participationBudget(year: 2017) { total { value ${SOURCE} } }
          municipalities(year: 2017, first: 50) { nodes { code buig(year: 2017) { budget { value } spending { value } result { amount } safetyNet { payment } } participationBudget(year: 2017) { total { value } } } }
        }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const m = res.data!.municipality;
    expect(m.name).toBe("Groningen");
    const b = m.buig;
    expect(cents(b.result.amount)).toBe(cents(b.budget.value) - cents(b.spending.value));
    expect(b.budget.source.kind).toBe("SYNTHETIC");
    expect(b.result.source.kind).toBe("SYNTHETIC");
    expect(b.safetyNet.rule.source.kind).toBe("ASSUMED");
    expect(b.safetyNet.rule.source.note).toMatch(/not checked against the legal text/);
    expect(cents(m.participationBudget.total.value)).toBe(
      cents(m.participationBudget.classicTargetGroup.amount) + cents(m.participationBudget.newTargetGroup.amount),
    );

    const region = m.labourMarketRegion;
    const members = region.municipalities.nodes;
    expect(region.name).toBe("Groningen");
    expect(region.buig.municipalityCount).toBe(members.length);
    const sum = (pick: (n: any) => string) => members.reduce((s: bigint, n: any) => s + cents(pick(n)), 0n);
    expect(cents(region.buig.budget.value)).toBe(sum((n) => n.buig.budget.value));
    expect(cents(region.buig.spending.value)).toBe(sum((n) => n.buig.spending.value));
    expect(cents(region.buig.result.amount)).toBe(sum((n) => n.buig.result.amount));
    expect(cents(region.buig.safetyNetPayments.value)).toBe(sum((n) => n.buig.safetyNet.payment));
    expect(cents(region.participationBudget.total.value)).toBe(sum((n) => n.participationBudget.total.value));
    expect(region.buig.budget.source.kind).toBe("SYNTHETIC");
  });

  it("makes a constant number of SQL queries in each subgraph for all 388 municipalities of 2017 with their 2017 BUIG result and region", async () => {
    const query = `query ($first: Int) {
      municipalities(year: 2017, first: $first) { nodes { code labourMarketRegion(year: 2017) { name } buig(year: 2017) { result { amount percentOfBudget } safetyNet { payment } } } }
    }`;
    const run = (first: number) => stack.municipalityPageSql(query, first);
    stack.emptyCaches();
    const few = await run(5);
    stack.emptyCaches();
    const all = await run(388);
    expect(all).toEqual(few);
    expect(all.municipal).toBeLessThanOrEqual(8);
    // warm: the tables of the year are kept until the data changes
    expect(await run(388)).toEqual({ reference: 0, municipal: 0, uwv: 0 });
  });

  it("sends no SQL for the national tables once they have been read", async () => {
    const query = `{ buigNational(year: 2017) { year macrobudget { value } } participationBudget(year: 2017) { total { value } } }`;
    await stack.gql(query);
    const sql = await stack.sqlDuring(async () => {
      const res = await stack.gql(query);
      expect(res.errors).toBeUndefined();
      expect(res.data!.buigNational.macrobudget.value).toBe("5800000000.00");
    });
    expect(sql.municipal).toBe(0);
  });

  it("gives sheltered-work places against the regulation's target, nationally, per municipality and per region", async () => {
    const res = await stack.gql(`{
      y2017: shelteredWorkPlaces(year: 2017) {
        hoursPerPlace publishedTarget { value source { kind date } } structuralTarget { value qualifier }
        municipalTotal { municipalityCount target { value source { kind } } realised { value } hoursPerWeek } targetDifference
      }
      y2016: shelteredWorkPlaces(year: 2016) { publishedRealised { value } municipalTotal { realised { value } } realisedDifference }
      shelteredWorkBonus { period available { value source { kind } } paid { value } retained { value } paidPercent }
      labourMarketRegion(code: "AM01") {
        shelteredWorkPlaces(year: 2017) { municipalityCount target { value } realised { value } shortfall progressPercent }
        municipalities(year: 2017, first: 50) { nodes { shelteredWorkPlaces(year: 2017) { target { value } realised { value } } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const { y2017, y2016, shelteredWorkBonus, labourMarketRegion } = res.data!;
    expect(y2017.publishedTarget).toEqual({ value: "2600", source: { kind: "OFFICIAL", date: "2017-06-30" } });
    expect(y2017.hoursPerPlace).toBe("31");
    expect(y2017.structuralTarget).toEqual({ value: "30000", qualifier: "MORE_THAN" });
    expect(y2017.municipalTotal.target.value).toBe("2600");
    expect(y2017.municipalTotal.target.source.kind).toBe("SYNTHETIC");
    expect(y2017.targetDifference).toBe("0");
    expect(Number(y2017.municipalTotal.hoursPerWeek)).toBe(Number(y2017.municipalTotal.realised.value) * 31);
    expect(y2016).toEqual({
      publishedRealised: { value: "200" },
      municipalTotal: { realised: { value: "200" } },
      realisedDifference: "0",
    });
    expect(shelteredWorkBonus).toEqual([
      {
        period: "2015-2016",
        available: { value: "11000000.00", source: { kind: "OFFICIAL" } },
        paid: { value: "1200000.00" },
        retained: { value: "9800000.00" },
        paidPercent: "10.9",
      },
    ]);
    const region = labourMarketRegion.shelteredWorkPlaces;
    const members = labourMarketRegion.municipalities.nodes.map((n: any) => n.shelteredWorkPlaces);
    expect(region.municipalityCount).toBe(members.length);
    expect(Number(region.target.value)).toBe(members.reduce((s: number, m: any) => s + Number(m.target.value), 0));
    expect(Number(region.shortfall)).toBe(Math.max(0, Number(region.target.value) - Number(region.realised.value)));
  });

  it("rejects a year outside 1990–2100 and returns null for a year without figures", async () => {
    const bad = await stack.gql(`{ buigNational(year: 1800) { year } }`);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "year" });
    const none = await stack.gql(
      `{ buigNational(year: 2030) { year } municipality(code: "GM0363") { buig(year: 2030) { year } participationBudget(year: 2030) { year } } }`,
    );
    expect(none.errors).toBeUndefined();
    expect(none.data).toEqual({ buigNational: null, municipality: { buig: null, participationBudget: null } });
  });
});
