/** Synthetic rows carry a source id with this prefix; real (official or imported) rows never do. */
export const SYNTHETIC_PREFIX = "synthetic-";

export const isSynthetic = (sourceId: string) => sourceId.startsWith(SYNTHETIC_PREFIX);

/**
 * Synthetic rows never replace real ones: keeps the desired rows whose key holds no real row, and
 * the stored synthetic rows to compare them with (for syncRows).
 */
export function besideReal<T extends { sourceId: string }>(stored: T[], desired: T[], key: (row: T) => string) {
  const real = new Set(stored.filter((r) => !isSynthetic(r.sourceId)).map(key));
  return { existing: stored.filter((r) => isSynthetic(r.sourceId)), desired: desired.filter((r) => !real.has(key(r))) };
}

/** What `npm start` loads beside the official data unless SYNTHETIC_DATA=off: seed 1, 2015–2024. */
export const DEFAULT_SYNTHETIC = { seed: 1, years: Array.from({ length: 10 }, (_, i) => 2015 + i) };
