import { divRound, formatScaled, parseDecimal } from "./money.ts";

/** An exact decimal number (value / 10^scale) for counts and shares: no binary floats. */
export class Dec {
  private constructor(
    readonly value: bigint,
    readonly scale: number,
  ) {}

  static of(text: string | number | bigint): Dec {
    if (typeof text === "bigint") return new Dec(text, 0);
    if (typeof text === "number") {
      if (!Number.isInteger(text))
        throw new RangeError("Dec.of(number) takes whole numbers only; pass decimals as strings");
      return new Dec(BigInt(text), 0);
    }
    const { value, scale } = parseDecimal(text);
    return new Dec(value, scale);
  }

  private at(scale: number): bigint {
    return this.value * 10n ** BigInt(scale - this.scale);
  }

  add(other: Dec): Dec {
    const scale = Math.max(this.scale, other.scale);
    return new Dec(this.at(scale) + other.at(scale), scale);
  }

  sub(other: Dec): Dec {
    return this.add(new Dec(-other.value, other.scale));
  }

  mul(other: Dec): Dec {
    return new Dec(this.value * other.value, this.scale + other.scale);
  }

  /** this ÷ other, rounded half away from zero to `places` decimals */
  div(other: Dec, places: number): Dec {
    if (other.value === 0n) throw new RangeError("division by zero");
    // (a / 10^sa) / (b / 10^sb) = a × 10^(sb − sa) / b
    const shift = places + other.scale - this.scale;
    const numerator = shift >= 0 ? this.value * 10n ** BigInt(shift) : this.value;
    const denominator = shift >= 0 ? other.value : other.value * 10n ** BigInt(-shift);
    return new Dec(divRound(numerator, denominator), places);
  }

  round(places: number): Dec {
    if (places >= this.scale) return new Dec(this.at(places), places);
    return new Dec(divRound(this.value, 10n ** BigInt(this.scale - places)), places);
  }

  cmp(other: Dec): number {
    const scale = Math.max(this.scale, other.scale);
    const a = this.at(scale);
    const b = other.at(scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  max(other: Dec): Dec {
    return this.cmp(other) >= 0 ? this : other;
  }

  isZero(): boolean {
    return this.value === 0n;
  }

  toString(): string {
    return formatScaled(this.value, this.scale);
  }
}

export const ZERO = Dec.of(0);
