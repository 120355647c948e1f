/** CBS area codes: municipality GM0363, labour-market region AM01, province PV27. */
export const CODE_PATTERNS = {
  municipality: /^GM\d{4}$/,
  labourMarketRegion: /^AM\d{2}$/,
  province: /^PV\d{2}$/,
} as const;

export type AreaKind = keyof typeof CODE_PATTERNS;

const EXAMPLES: Record<AreaKind, string> = {
  municipality: "GM0363",
  labourMarketRegion: "AM01",
  province: "PV27",
};

/** Upper-cases and checks a code; returns an explanation instead when it is malformed. */
export function normaliseCode(kind: AreaKind, raw: string): { code: string } | { problem: string } {
  const code = raw.trim().toUpperCase();
  if (CODE_PATTERNS[kind].test(code)) return { code };
  return { problem: `"${raw}" is not a ${describe(kind)} code; expected the CBS form, e.g. ${EXAMPLES[kind]}` };
}

function describe(kind: AreaKind): string {
  return kind === "labourMarketRegion" ? "labour-market region" : kind;
}
