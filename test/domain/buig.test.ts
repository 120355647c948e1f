import { describe, expect, it } from "vitest";
import { buigResult, safetyNetPayment, type SafetyNetRule } from "../../src/domain/buig.ts";

// 7.5 % own risk; 50 % of the deficit between 7.5 % and 12.5 % of the budget; 100 % above
const rule: SafetyNetRule = {
  year: 2019,
  thresholdBp: 750,
  bands: [
    { fromBp: 750, toBp: 1250, compensationBp: 5_000 },
    { fromBp: 1250, toBp: null, compensationBp: 10_000 },
  ],
};
const budget = 100_000_000n; // €1,000,000.00

describe("buigResult", () => {
  it("is budget minus spending, as amount and percentage", () => {
    expect(buigResult(budget, 104_800_000n)).toEqual({
      amount: -4_800_000n,
      percentOfBudget: "-4.80",
      kind: "DEFICIT",
    });
    expect(buigResult(budget, 90_000_000n)).toEqual({ amount: 10_000_000n, percentOfBudget: "10.00", kind: "SURPLUS" });
    expect(buigResult(budget, budget)).toEqual({ amount: 0n, percentOfBudget: "0.00", kind: "BALANCED" });
    expect(buigResult(0n, 5_000n)).toEqual({ amount: -5_000n, percentOfBudget: null, kind: "DEFICIT" });
  });
});

describe("safetyNetPayment", () => {
  it("pays nothing on a surplus or a deficit within the own risk", () => {
    expect(safetyNetPayment(budget, 90_000_000n, rule)).toMatchObject({ payment: 0n, eligible: false });
    expect(safetyNetPayment(budget, 105_000_000n, rule)).toMatchObject({
      payment: 0n,
      eligible: false,
      deficitPercentOfBudget: "5.00",
    });
  });

  it("pays nothing for a deficit exactly at the threshold, and a cent's worth just above", () => {
    expect(safetyNetPayment(budget, 107_500_000n, rule)).toMatchObject({
      payment: 0n,
      eligible: false,
      deficitPercentOfBudget: "7.50",
    });
    const justAbove = safetyNetPayment(budget, 107_500_002n, rule);
    expect(justAbove.eligible).toBe(true);
    expect(justAbove.payment).toBe(1n); // 50 % of 2 cents
  });

  it("compensates half of the band, then all above it", () => {
    // deficit 10 %: half of 2.5 % of the budget = 1.25 % = €12,500.00
    expect(safetyNetPayment(budget, 110_000_000n, rule).payment).toBe(1_250_000n);
    // deficit exactly 12.5 %: half of 5 % = 2.5 %
    expect(safetyNetPayment(budget, 112_500_000n, rule).payment).toBe(2_500_000n);
    // deficit 20 %: 2.5 % + 7.5 % = 10 %
    expect(safetyNetPayment(budget, 120_000_000n, rule).payment).toBe(10_000_000n);
  });

  it("rounds once, to the cent", () => {
    // budget of 3 cents would make band edges fractional; a realistic odd budget:
    const odd = 123_456_789n;
    const outcome = safetyNetPayment(odd, odd + 12_345_679n, rule); // deficit 10.000000.. %
    // exact: (12_345_679 − 0.075 × 123_456_789) × 0.5 = 1_543_209.9625 → 1_543_210
    expect(outcome.payment).toBe(1_543_210n);
  });

  it("pays nothing on a zero budget", () => {
    expect(safetyNetPayment(0n, 1_000n, rule)).toEqual({ payment: 0n, eligible: false, deficitPercentOfBudget: null });
  });
});
