import { describe, expect, it } from "vitest";
import { allocateExactly } from "../../src/domain/allocation.ts";
import {
  applyShare,
  divRound,
  eurosToCents,
  formatCents,
  millionsToCents,
  percentage,
  shareOf,
} from "../../src/domain/money.ts";

describe("money", () => {
  it("converts euros and millions to cents exactly", () => {
    expect(eurosToCents("12345.6")).toBe(1_234_560n);
    expect(eurosToCents("-0.05")).toBe(-5n);
    expect(eurosToCents("7")).toBe(700n);
    expect(() => eurosToCents("1.005")).toThrow(/more than two decimals/);
    expect(() => eurosToCents("1,5")).toThrow(/not a decimal/);
    expect(millionsToCents("612.709")).toBe(61_270_900_000n);
    expect(millionsToCents("0.000001")).toBe(100n);
    expect(millionsToCents("-35")).toBe(-3_500_000_000n);
  });

  it("formats cents as a decimal euro string", () => {
    expect(formatCents(61_270_900_000n)).toBe("612709000.00");
    expect(formatCents(-5n)).toBe("-0.05");
    expect(formatCents(0n)).toBe("0.00");
  });

  it("rounds half away from zero", () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(() => divRound(1n, 0n)).toThrow();
  });

  it("computes percentages and shares without floats", () => {
    // the 2016 national deficit: about 270 m on a budget of about 5,658 m is 4.77 %
    expect(percentage(-27_000_000_000n, 565_800_000_000n)).toBe("-4.77");
    expect(percentage(1n, 3n, 4)).toBe("33.3333");
    expect(percentage(1n, 0n)).toBeNull();
    expect(shareOf(1n, 3n)).toBe("0.333333333333");
    expect(applyShare(61_270_900_000n, "0.5")).toBe(30_635_450_000n);
    expect(applyShare(100n, "0.125")).toBe(13n);
  });

  it("sums the participation budget 2021 parts to 699.725 although the total is published as 699.724", () => {
    const parts = millionsToCents("513.772") + millionsToCents("185.953");
    expect(formatCents(parts)).toBe("699725000.00");
    expect(parts - millionsToCents("699.724")).toBe(100_000n);
  });
});

describe("allocateExactly", () => {
  it("divides to the cent, the remainders to the largest fractions", () => {
    expect(allocateExactly(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocateExactly(10n, [1n, 2n, 3n, 4n])).toEqual([1n, 2n, 3n, 4n]);
    expect(allocateExactly(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
    expect(allocateExactly(0n, [5n, 7n])).toEqual([0n, 0n]);
  });

  it("always sums to the total", () => {
    const weights = Array.from({ length: 342 }, (_, i) => BigInt(1000 + ((i * 7919) % 9973)));
    const total = 580_000_000_000n + 17n;
    const parts = allocateExactly(total, weights);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
    expect(parts.every((p) => p >= 0n)).toBe(true);
  });

  it("refuses what cannot be divided", () => {
    expect(() => allocateExactly(1n, [])).toThrow();
    expect(() => allocateExactly(1n, [0n, 0n])).toThrow();
    expect(() => allocateExactly(1n, [-1n, 2n])).toThrow();
  });
});
