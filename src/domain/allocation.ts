/**
 * Divides an amount of cents over weights so the parts sum to the amount exactly: each part gets
 * the floor of its exact share, and the cents left over go to the largest remainders (ties by
 * position). Weights are non-negative integers (e.g. population, or scaled random factors).
 */
export function allocateExactly(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) {
    if (total !== 0n) throw new RangeError("cannot allocate a non-zero amount over no weights");
    return [];
  }
  if (weights.some((w) => w < 0n)) throw new RangeError("weights must not be negative");
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new RangeError("weights must not all be zero");
  const negative = total < 0n;
  const amount = negative ? -total : total;
  const parts = weights.map((w) => (amount * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (amount * w) % sum }));
  let left = amount - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return negative ? parts.map((p) => -p) : parts;
}
