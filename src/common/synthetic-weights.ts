// Sizes for SYNTHETIC figures: the municipalities of each year, weighted by population, so that
// generated national amounts are divided plausibly. Never a published figure.
import { areaHistoryOf } from "./area-history-rows.ts";
import type { ReferenceData } from "./reference-data.ts";

export interface Weighted {
  code: string;
  population: number;
}

/**
 * The municipalities of each year, weighted by population: the figure nearest the year (1 January
 * 2021 or 2024); a municipality dissolved before 2021 has none, so it weighs what its successors
 * weigh, divided equally over what merged into each of them. Synthetic data only: a way to make
 * plausible sizes, never a published figure.
 */
export function syntheticWeights(reference: ReferenceData): (year: number) => Weighted[] {
  const history = areaHistoryOf(reference);
  const figures = new Map<string, { year: number; value: number }[]>();
  for (const p of reference.populations) {
    const list = figures.get(p.municipalityCode) ?? [];
    list.push({ year: p.referenceDate.getUTCFullYear(), value: p.value });
    figures.set(p.municipalityCode, list);
  }
  const weight = (code: string, year: number): number => {
    const own = figures.get(code);
    if (own && own.length > 0) {
      return [...own].sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || a.year - b.year)[0]!.value;
    }
    const shares = history.successorsOf(code).map((change) => {
      const merged = history
        .predecessorsOf(change.successorCode)
        .filter((c) => c.effectiveDate === change.effectiveDate);
      const existed = history.lifetime(change.successorCode)?.createdOn !== change.effectiveDate;
      return Math.round(weight(change.successorCode, year) / (merged.length + (existed ? 1 : 0)));
    });
    return shares.reduce((sum, w) => sum + w, 0);
  };
  return (year) => history.codesIn(year).map((code) => ({ code, population: weight(code, year) }));
}
