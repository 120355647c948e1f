/**
 * Money as integer euro cents (bigint) and exact decimals as strings: nothing passes through a
 * binary float. Rounding is half away from zero, to the cent.
 */
export type Cents = bigint;

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** An exact decimal as a fraction numerator / 10^scale. */
export interface Scaled {
  value: bigint;
  scale: number;
}

export function parseDecimal(text: string): Scaled {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new RangeError(`"${text}" is not a decimal number`);
  const fraction = m[3] ?? "";
  const value = BigInt(m[2]! + fraction) * (m[1] ? -1n : 1n);
  return { value, scale: fraction.length };
}

/** Divides and rounds half away from zero. */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n + d / 2n) / d;
  return negative ? -q : q;
}

/** "12345.6" euros → 1234560n cents; more than two decimals is refused (a euro amount has cents). */
export function eurosToCents(text: string): Cents {
  const { value, scale } = parseDecimal(text);
  if (scale > 2) throw new RangeError(`"${text}" has more than two decimals; give euros with at most cents`);
  return value * 10n ** BigInt(2 - scale);
}

/** "612.709" million euros → cents, exactly. */
export function millionsToCents(text: string): Cents {
  const { value, scale } = parseDecimal(text);
  if (scale > 8) throw new RangeError(`"${text}" million euros is finer than a cent`);
  return value * 10n ** BigInt(8 - scale);
}

/** 1234560n → "12345.60" */
export function formatCents(cents: Cents): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const euros = abs / 100n;
  const rest = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${euros}.${rest}`;
}

/** part / whole × 100, as a decimal string with `decimals` digits; null when whole is zero. */
export function percentage(part: bigint, whole: bigint, decimals = 2): string | null {
  if (whole === 0n) return null;
  const scaled = divRound(part * 100n * 10n ** BigInt(decimals), whole);
  return formatScaled(scaled, decimals);
}

/** amount × share (a decimal string such as "0.0123456789"), rounded to the cent. */
export function applyShare(amount: Cents, share: string): Cents {
  const { value, scale } = parseDecimal(share);
  return divRound(amount * value, 10n ** BigInt(scale));
}

/** part / whole as a decimal string with `digits` decimals (a share); null when whole is zero. */
export function shareOf(part: bigint, whole: bigint, digits = 12): string | null {
  if (whole === 0n) return null;
  return formatScaled(divRound(part * 10n ** BigInt(digits), whole), digits);
}

export function formatScaled(value: bigint, scale: number): string {
  if (scale === 0) return value.toString();
  const negative = value < 0n;
  const abs = (negative ? -value : value).toString().padStart(scale + 1, "0");
  return `${negative ? "-" : ""}${abs.slice(0, -scale)}.${abs.slice(-scale)}`;
}

export const sumCents = (values: Iterable<Cents>): Cents => {
  let total = 0n;
  for (const v of values) total += v;
  return total;
};
