import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/databases.ts";
import { startTestStack, type TestStack } from "../support/stack.ts";

const CALCULATOR = `query ($year: Int!, $wage: Euro!, $hours: Decimal!, $employee: EmployeeInput!) {
  employerIncentives(year: $year, hourlyWage: $wage, hoursPerYear: $hours, employee: $employee) {
    year lawTextVersion coveredYears totalRule
    total { value source { kind note } }
    instruments {
      instrument status reason maxYears
      amount { value source { kind } } paid { value }
      ratePerPaidHour { value source { kind url } } capPerYear { value }
      parameters { article quote validFrom source { kind document date license } }
    }
  }
}`;

describe.each(BACKENDS)("the employer calculator and quota through the gateway ($name)", (backend) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(backend);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("answers for 2024: LKV banenafspraak and LIV both apply, the higher is paid, with the law's articles", async () => {
    const res = await stack.gql(CALCULATOR, {
      year: 2024,
      wage: "14.50",
      hours: "1560",
      employee: { jobAgreementTargetGroup: true },
    });
    expect(res.errors).toBeUndefined();
    const r = res.data!.employerIncentives;
    expect(r).toMatchObject({ year: 2024, lawTextVersion: "2024-01-01", coveredYears: [2018, 2024] });
    const lkv = r.instruments.find((i: any) => i.instrument === "LKV_DOELGROEP_BANENAFSPRAAK");
    expect(lkv).toMatchObject({
      status: "ELIGIBLE",
      maxYears: 3,
      amount: { value: "1575.60", source: { kind: "DERIVED" } },
      paid: { value: "1575.60" },
      ratePerPaidHour: {
        value: "1.01",
        source: { kind: "OFFICIAL", url: "https://wetten.overheid.nl/BWBR0037522/2024-01-01" },
      },
      capPerYear: { value: "2000.00" },
    });
    expect(lkv.parameters[0]).toMatchObject({ article: "2.13", validFrom: "2024-01-01" });
    expect(lkv.parameters[0].quote).toContain("€ 1,01 per verloond uur");
    const liv = r.instruments.find((i: any) => i.instrument === "LIV");
    expect(liv).toMatchObject({ status: "ELIGIBLE", amount: { value: "764.40" }, paid: { value: "0.00" } });
    expect(r.total.value).toBe("1575.60");
    expect(r.total.source.kind).toBe("DERIVED");
    expect(r.totalRule).toContain("4.1.3");
    // the 2024 text's amounts for the older-worker LKV were not read into the data: said, not guessed
    expect(r.instruments.find((i: any) => i.instrument === "LKV_OUDERE_WERKNEMER").status).toBe("NOT_EMBEDDED");
  });

  it("answers for 2018 with its two LIV bands and the older-worker LKV", async () => {
    const res = await stack.gql(CALCULATOR, {
      year: 2018,
      wage: "10.00",
      hours: "2080",
      employee: { ageAtHiring: 57 },
    });
    expect(res.errors).toBeUndefined();
    const r = res.data!.employerIncentives;
    const status = Object.fromEntries(
      r.instruments.map((i: any) => [i.instrument, [i.status, i.amount?.value ?? null]]),
    );
    expect(status).toEqual({
      LKV_OUDERE_WERKNEMER: ["ELIGIBLE", "6000.00"],
      LKV_ARBEIDSGEHANDICAPTE_WERKNEMER: ["NOT_ELIGIBLE", null],
      LKV_DOELGROEP_BANENAFSPRAAK: ["NOT_ELIGIBLE", null],
      LKV_HERPLAATSEN_ARBEIDSGEHANDICAPTE_WERKNEMER: ["NOT_ELIGIBLE", null],
      LIV: ["ELIGIBLE", "2000.00"],
    });
    expect(r.total.value).toBe("6000.00");
  });

  it("refuses a year without embedded parameters, saying which years are covered", async () => {
    const res = await stack.gql(CALCULATOR, { year: 2021, wage: "14.50", hours: "1560", employee: {} });
    expect(res.status).toBe(200);
    expect(res.data?.employerIncentives ?? null).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "year" });
    expect(res.errors![0]!.message).toContain("covers 2018 and 2024");
  });

  it("refuses impossible hours and wages with the argument named", async () => {
    const hours = await stack.gql(CALCULATOR, { year: 2024, wage: "14.50", hours: "9000", employee: {} });
    expect(hours.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "hoursPerYear" });
    const wage = await stack.gql(CALCULATOR, { year: 2024, wage: "14.505", hours: "100", employee: {} });
    expect(wage.status).toBeLessThan(500);
    expect(wage.errors![0]!.message).toMatch(/wage|Euro|decimals/i);
  });

  it("computes an employer's quota levy from the law, and says whether it is due", async () => {
    const res = await stack.gql(`{
      y2021: employerQuotaLevy(year: 2021, sector: GOVERNMENT, quotaJobs: "12.5", actualJobs: "10") {
        shortfall levy { value source { kind note } } levyPerJob { value source { kind document } } quotaStatus explanation
      }
      y2016: employerQuotaLevy(year: 2016, sector: GOVERNMENT, quotaJobs: "3", actualJobs: "4") { shortfall levy { value } quotaStatus }
    }`);
    expect(res.errors).toBeUndefined();
    const { y2021, y2016 } = res.data!;
    expect(y2021).toMatchObject({ shortfall: "2.5", levy: { value: "12500.00" }, quotaStatus: "NOT_STATED" });
    expect(y2021.levyPerJob).toMatchObject({ value: "5000.00", source: { kind: "OFFICIAL" } });
    expect(y2021.explanation).toContain("not stated in the embedded sources");
    expect(y2016).toEqual({ shortfall: "0", levy: { value: "0.00" }, quotaStatus: "APPLIES" });
  });

  it("serves every law parameter with its article and sentence", async () => {
    const res = await stack.gql(
      `{ employerInstrumentParameters(instrument: "quotumheffing") { value unit article quote source { kind date } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.employerInstrumentParameters).toEqual([
      {
        value: "5000",
        unit: "EUR per job of the quota shortfall",
        article: "38h lid 4",
        quote: "De quotumheffing bedraagt het quotumtekort vermenigvuldigd met € 5.000.",
        source: { kind: "OFFICIAL", date: "2015-04-29" },
      },
    ]);
  });
});
