import { describe, expect, it } from "vitest";
import { Dec } from "../../src/domain/decimal.ts";
import {
  coveredYears,
  employerIncentives,
  employerQuotaLevy,
  hoursTimesRate,
  YearNotCovered,
  type EmployeeFacts,
} from "../../src/domain/employer-incentives.ts";
import { readEmployerParameters } from "../../src/subgraphs/uwv/employer-parameters.ts";

const { parameters } = readEmployerParameters();
const nobody: EmployeeFacts = {
  ageAtHiring: 30,
  yearOfEmployment: 1,
  jobAgreementTargetGroup: false,
  disabledWorker: false,
  resumedAfterDisability: false,
};
const run = (year: number, wage: bigint, hours: string, employee: Partial<EmployeeFacts> = {}) =>
  employerIncentives(parameters, {
    year,
    hourlyWageCents: wage,
    paidHours: Dec.of(hours),
    employee: { ...nobody, ...employee },
  });
const byKind = (result: ReturnType<typeof run>, kind: string) => result.instruments.find((i) => i.kind === kind)!;

describe("the employer calculator", () => {
  it("covers the years whose law text of 1 January is embedded, and refuses others saying which", () => {
    expect(coveredYears(parameters)).toEqual([2018, 2024]);
    expect(() => run(2019, 1500n, "1000")).toThrow(YearNotCovered);
    expect(() => run(2019, 1500n, "1000")).toThrow(/covers 2018 and 2024/);
  });

  it("multiplies a rate by exact hours, to the cent", () => {
    expect(hoursTimesRate(101n, Dec.of("1560"))).toBe(157_560n);
    expect(hoursTimesRate(305n, Dec.of("10.5"))).toBe(3_203n); // 32.025 → 32.03
  });

  it("gives the LKV banenafspraak: €1.01 an hour, at most €2,000 a year, for three years", () => {
    const r = run(2024, 1800n, "1560", { jobAgreementTargetGroup: true });
    const lkv = byKind(r, "LKV_DOELGROEP_BANENAFSPRAAK");
    expect(lkv).toMatchObject({ status: "ELIGIBLE", amountCents: 157_560n, capPerYearCents: 200_000n, maxYears: 3 });
    expect(lkv.parameters.map((p) => p.article)).toEqual(["2.13", "2.13"]);
    expect(run(2024, 1800n, "2080", { jobAgreementTargetGroup: true }).totalCents).toBe(200_000n);
    expect(
      byKind(
        run(2024, 1800n, "1560", { jobAgreementTargetGroup: true, yearOfEmployment: 4 }),
        "LKV_DOELGROEP_BANENAFSPRAAK",
      ).status,
    ).toBe("NOT_ELIGIBLE");
  });

  it("finds the LIV band: 2018 has two, 2024 one, and needs 1,248 paid hours", () => {
    expect(byKind(run(2018, 1000n, "1560"), "LIV")).toMatchObject({ status: "ELIGIBLE", amountCents: 157_560n });
    expect(byKind(run(2018, 1100n, "2080"), "LIV")).toMatchObject({ status: "ELIGIBLE", amountCents: 100_000n });
    expect(byKind(run(2018, 1300n, "2080"), "LIV").status).toBe("NOT_ELIGIBLE");
    expect(byKind(run(2024, 1450n, "1560"), "LIV")).toMatchObject({ status: "ELIGIBLE", amountCents: 76_440n });
    expect(byKind(run(2024, 1450n, "1000"), "LIV").status).toBe("NOT_ELIGIBLE");
  });

  it("pays only the highest when more than one applies (art. 4.1 lid 3)", () => {
    const r = run(2024, 1450n, "1560", { jobAgreementTargetGroup: true });
    expect(byKind(r, "LIV").paidCents).toBe(0n);
    expect(byKind(r, "LKV_DOELGROEP_BANENAFSPRAAK").paidCents).toBe(157_560n);
    expect(r.totalCents).toBe(157_560n);
    expect(r.totalRule).toMatch(/capped at the highest/);
  });

  it("says when the embedded text of a year lacks an instrument's amounts, instead of guessing", () => {
    const r = run(2024, 2000n, "1560", { ageAtHiring: 60 });
    expect(byKind(r, "LKV_OUDERE_WERKNEMER").status).toBe("NOT_EMBEDDED");
    expect(r.totalCents).toBe(0n);
    expect(byKind(run(2018, 2000n, "1560", { ageAtHiring: 60 }), "LKV_OUDERE_WERKNEMER")).toMatchObject({
      status: "ELIGIBLE",
      amountCents: 475_800n,
    });
  });
});

describe("an employer's quota levy", () => {
  it("is the shortfall × the levy per job, to the cent, and nothing without a shortfall", () => {
    expect(employerQuotaLevy(Dec.of("12.5"), Dec.of("10"), 500_000n)).toEqual({
      shortfall: Dec.of("2.5"),
      levyCents: 1_250_000n,
    });
    expect(employerQuotaLevy(Dec.of("3"), Dec.of("4.25"), 500_000n).levyCents).toBe(0n);
  });
});
