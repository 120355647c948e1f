import { describe, expect, it } from "vitest";
import { applyShare, millionsToCents, sumCents } from "../../src/domain/money.ts";
import { readOfficialFigures } from "../../src/common/official-figures/read.ts";
import { readMacrobudgets } from "../../src/subgraphs/municipal/seed.ts";
import { generateSyntheticMunicipal } from "../../src/subgraphs/municipal/synthetic.ts";

const municipalities = Array.from({ length: 40 }, (_, i) => ({
  code: `GM${String(1000 + i).padStart(4, "0")}`,
  population: 5_000 + i * 3_371,
}));
const input = { municipalities, officialMacrobudgets: readMacrobudgets(), figures: readOfficialFigures("municipal") };
const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021];

describe("synthetic municipal figures", () => {
  const out = generateSyntheticMunicipal(input, { seed: 7, years });
  const ofYear = <T extends { year: number }>(rows: T[], year: number) => rows.filter((r) => r.year === year);

  it("divides the official 2017 macrobudget (€5.8 bn, further provisional) to the cent", () => {
    const budgets = ofYear(out.budgets, 2017);
    expect(budgets).toHaveLength(40);
    expect(budgets.every((b) => b.stage === "FURTHER_PROVISIONAL")).toBe(true);
    expect(sumCents(budgets.map((b) => b.amountCents))).toBe(580_000_000_000n);
    // the stored share reproduces each budget exactly
    for (const b of budgets) expect(applyShare(580_000_000_000n, String(b.share))).toBe(b.amountCents);
    expect(out.macrobudgets.some((m) => m.year === 2017)).toBe(false);
  });

  it("uses the 2016 macrobudget derived from the published increase, and spends the published deficit", () => {
    const budgets = ofYear(out.budgets, 2016);
    const spendings = ofYear(out.spendings, 2016);
    const budget = sumCents(budgets.map((b) => b.amountCents));
    expect(budget).toBe(millionsToCents("5800") - millionsToCents("142"));
    expect(budgets.every((b) => b.stage === "DEFINITIVE")).toBe(true);
    expect(budget - sumCents(spendings.map((s) => s.amountCents))).toBe(-millionsToCents("270"));
    expect(out.results.find((r) => r.year === 2016)).toEqual({ year: 2016, cents: -27_000_000_000n, published: true });
  });

  it("makes up a macrobudget and result for years without published ones, and labels them SYNTHETIC", () => {
    const macro = out.macrobudgets.find((m) => m.year === 2019)!;
    expect(macro.sourceId).toBe(out.source.id);
    expect(out.source.kind).toBe("SYNTHETIC");
    const result = out.results.find((r) => r.year === 2019)!;
    expect(result.published).toBe(false);
    const budget = sumCents(ofYear(out.budgets, 2019).map((b) => b.amountCents));
    expect(budget).toBe(macro.amountCents);
    expect(budget - sumCents(ofYear(out.spendings, 2019).map((s) => s.amountCents))).toBe(result.cents);
    expect([...out.budgets, ...out.spendings, ...out.shares].every((r) => r.sourceId === out.source.id)).toBe(true);
  });

  it("divides each published part of the participation budget to the cent through the stored shares", () => {
    for (const year of [2017, 2018, 2019, 2020, 2021]) {
      for (const [group, dimension] of [
        ["CLASSIC", "classic_target_group"],
        ["NEW", "new_target_group"],
      ] as const) {
        const part = input.figures.find(
          (f) =>
            f.metric === "integratie_uitkering_participatie" && f.period === String(year) && f.dimension === dimension,
        )!;
        const amount = millionsToCents(part.value);
        const shares = out.shares.filter((s) => s.year === year && s.targetGroup === group);
        expect(shares).toHaveLength(40);
        expect(sumCents(shares.map((s) => applyShare(amount, String(s.share))))).toBe(amount);
      }
    }
    expect(out.shares.some((s) => s.year === 2016)).toBe(false);
  });

  it("is deterministic for a seed and different for another", () => {
    const again = generateSyntheticMunicipal(input, { seed: 7, years });
    expect(again.budgets).toEqual(out.budgets);
    expect(again.spendings).toEqual(out.spendings);
    const other = generateSyntheticMunicipal(input, { seed: 8, years });
    expect(other.spendings.map((s) => s.amountCents)).not.toEqual(out.spendings.map((s) => s.amountCents));
  });

  it("gives some municipalities a deficit beyond the safety-net threshold", () => {
    const spending = new Map(out.spendings.map((s) => [`${s.municipalityCode}|${s.year}`, s.amountCents]));
    const large = out.budgets.filter((b) => {
      const spent = spending.get(`${b.municipalityCode}|${b.year}`)!;
      return (spent - b.amountCents) * 100n > b.amountCents * 10n;
    });
    expect(large.length).toBeGreaterThan(0);
  });
});
