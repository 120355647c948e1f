// Arguments of the reference subgraph checked against the data: a bad one is BAD_USER_INPUT naming
// the argument and what would be accepted.
import type { YearRange } from "../../domain/area-history.ts";
import { normaliseCode, type AreaKind } from "../../domain/codes.ts";
import { badUserInput } from "../../common/errors.ts";
import { isoDay } from "../../common/reference-data.ts";

export function codeArgument(kind: AreaKind, argumentName: string, raw: string): string {
  const result = normaliseCode(kind, raw);
  if ("problem" in result) throw badUserInput(argumentName, result.problem);
  return result.code;
}

/** A code from another subgraph's entity reference: malformed means no such entity, not an error. */
export function codeOrNull(kind: AreaKind, raw: string): string | null {
  const result = normaliseCode(kind, raw);
  return "code" in result ? result.code : null;
}

/** A year within the range the data covers; `what` says what is known for those years. */
export function yearArgument(argumentName: string, year: number, range: YearRange, what: string): number {
  if (!Number.isInteger(year) || year < range.from || year > range.to) {
    throw badUserInput(argumentName, `${year} is outside the data: ${what} are known for ${range.from}–${range.to}`);
  }
  return year;
}

export function referenceDateArgument(raw: Date | string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  return typeof raw === "string" ? raw : isoDay(raw);
}

export const MAX_MATCHES = 50;

export function firstArgument(first: number | null | undefined): number {
  const n = first ?? 10;
  if (!Number.isInteger(n) || n < 1 || n > MAX_MATCHES) {
    throw badUserInput("first", `must be between 1 and ${MAX_MATCHES}; got ${n}`);
  }
  return n;
}
