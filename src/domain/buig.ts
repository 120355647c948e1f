import { divRound, percentage, type Cents } from "./money.ts";

/** A year's safety-net rule (vangnetregeling): compensation per band of the deficit, in basis points of the budget. */
export interface SafetyNetRule {
  year: number;
  /** the own risk: deficits up to this share of the budget are not compensated (basis points, 750 = 7.5 %) */
  thresholdBp: number;
  /** bands above the threshold, ascending: from/to in basis points of the budget (to null: no upper end) */
  bands: { fromBp: number; toBp: number | null; compensationBp: number }[];
}

export type ResultKind = "DEFICIT" | "SURPLUS" | "BALANCED";

export interface BuigResult {
  /** budget − spending: negative is a deficit (tekort), positive a surplus (overschot) */
  amount: Cents;
  /** of the budget, two decimals; null when the budget is zero */
  percentOfBudget: string | null;
  kind: ResultKind;
}

export function buigResult(budget: Cents, spending: Cents): BuigResult {
  const amount = budget - spending;
  return {
    amount,
    percentOfBudget: percentage(amount, budget),
    kind: amount < 0n ? "DEFICIT" : amount > 0n ? "SURPLUS" : "BALANCED",
  };
}

export interface SafetyNetOutcome {
  /** the payment (vangnetuitkering) in cents; 0 when not eligible */
  payment: Cents;
  /** whether the deficit is larger than the own-risk threshold */
  eligible: boolean;
  /** the deficit as a share of the budget, two decimals; null when the budget is zero */
  deficitPercentOfBudget: string | null;
}

/**
 * The safety-net payment for a deficit under a year's rule: for every band, the part of the deficit
 * that falls within it, times the band's compensation. Exact in cents (rounded once, at the end).
 * A zero budget or a surplus gives nothing.
 */
export function safetyNetPayment(budget: Cents, spending: Cents, rule: SafetyNetRule): SafetyNetOutcome {
  const deficit = spending - budget;
  if (budget <= 0n || deficit <= 0n) {
    return { payment: 0n, eligible: false, deficitPercentOfBudget: budget > 0n ? "0.00" : null };
  }
  // work in cents × 10 000, so basis points of the budget are whole numbers
  const scaledDeficit = deficit * 10_000n;
  let scaledPayment = 0n; // cents × 10 000 × 10 000 (compensation is in basis points too)
  for (const band of rule.bands) {
    const from = budget * BigInt(band.fromBp);
    const to = band.toBp === null ? null : budget * BigInt(band.toBp);
    if (scaledDeficit <= from) continue;
    const upper = to === null || scaledDeficit < to ? scaledDeficit : to;
    scaledPayment += (upper - from) * BigInt(band.compensationBp);
  }
  return {
    payment: divRound(scaledPayment, 100_000_000n),
    eligible: scaledDeficit > budget * BigInt(rule.thresholdBp),
    deficitPercentOfBudget: percentage(deficit, budget),
  };
}
