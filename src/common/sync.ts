/**
 * Brings a table to a desired set of rows, writing only what differs, so that loading the same
 * data twice changes nothing. Rows that are no longer desired are kept: loading never deletes.
 */
export interface SyncCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export async function syncRows<T>(options: {
  existing: readonly T[];
  desired: readonly T[];
  key: (row: T) => string;
  /** compares a stored row with a desired one; default: every field of the desired row */
  same?: (current: T, desired: T) => boolean;
  insert: (rows: T[]) => Promise<unknown>;
  update: (row: T) => Promise<unknown>;
}): Promise<SyncCounts> {
  const same = options.same ?? sameFields;
  const existing = new Map(options.existing.map((row) => [options.key(row), row]));
  const toInsert: T[] = [];
  const toUpdate: T[] = [];
  for (const row of options.desired) {
    const current = existing.get(options.key(row));
    if (!current) toInsert.push(row);
    else if (!same(current, row)) toUpdate.push(row);
  }
  if (toInsert.length > 0) await options.insert(toInsert);
  for (const row of toUpdate) await options.update(row);
  return {
    inserted: toInsert.length,
    updated: toUpdate.length,
    unchanged: options.desired.length - toInsert.length - toUpdate.length,
  };
}

export function addCounts(...all: SyncCounts[]): SyncCounts {
  return all.reduce(
    (sum, c) => ({
      inserted: sum.inserted + c.inserted,
      updated: sum.updated + c.updated,
      unchanged: sum.unchanged + c.unchanged,
    }),
    { inserted: 0, updated: 0, unchanged: 0 },
  );
}

function sameFields<T>(current: T, desired: T): boolean {
  return Object.entries(desired as object).every(([field, value]) =>
    sameValue((current as Record<string, unknown>)[field], value),
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  // Prisma's Decimal: "0.760" and "0.76" are the same number
  if (a !== null && typeof a === "object" && "equals" in a && typeof a.equals === "function") {
    return b !== null && b !== undefined && (a.equals as (other: unknown) => boolean)(b);
  }
  return a === b;
}
