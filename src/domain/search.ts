// Finding places by what people type: a code, the name, a former name, a known alias, the start of
// a name, or a name spelt slightly wrong. Ranks candidates and says why each matched. Pure.
import { distance } from "fastest-levenshtein";
import { nameSearchKey } from "./names.ts";

/** Why a candidate matched, strongest first. */
export const MATCH_REASONS = ["CODE", "NAME", "FORMER_NAME", "ALIAS", "PREFIX", "SPELLING"] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

/** A way a place can be called: its name, a former name or an alias. */
export interface NameForm {
  text: string;
  reason: "NAME" | "FORMER_NAME" | "ALIAS";
}

export interface Searchable {
  code: string;
  forms: NameForm[];
  /** ranked above others that match equally well (e.g. municipalities that exist today) */
  preferred: boolean;
}

export interface Match<T extends Searchable> {
  item: T;
  reason: MatchReason;
  /** the code, name, former name or alias that matched, as written */
  matched: string;
  /** edit distance of a SPELLING match (0 otherwise) */
  distance: number;
}

/** A name without CBS's province suffix: "Bergen (NH.)" → "Bergen". */
export function baseName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, "");
}

/** Spelling mistakes allowed: one per four letters, at least one, at most three. */
const allowedDistance = (key: string) => Math.min(3, Math.max(1, Math.floor(key.length / 4)));

/**
 * Ranks the items matching `text`: by reason (CODE first, SPELLING last), then preferred ones, then
 * smaller spelling distance, then shorter names, then code. An item appears once, with its best match.
 * `codeOf` turns typed text into a code when it looks like one ("gm518", "0518" → GM0518).
 */
export function rank<T extends Searchable>(
  items: readonly T[],
  text: string,
  codeOf: (text: string) => string | null,
): Match<T>[] {
  const key = nameSearchKey(text);
  const code = codeOf(text);
  const best = new Map<string, Match<T>>();
  const offer = (match: Match<T>) => {
    const current = best.get(match.item.code);
    if (!current || compare(match, current) < 0) best.set(match.item.code, match);
  };
  for (const item of items) {
    if (code !== null && item.code === code) offer({ item, reason: "CODE", matched: item.code, distance: 0 });
    if (key === "") continue;
    for (const form of item.forms) {
      const keys = [...new Set([nameSearchKey(form.text), nameSearchKey(baseName(form.text))])];
      if (keys.includes(key)) {
        offer({ item, reason: form.reason, matched: form.text, distance: 0 });
        continue;
      }
      // the start of the name, or of one of its words ("gravenhage" → 's-Gravenhage)
      if (keys.some((k) => k.startsWith(key) || k.split("-").some((word) => word.length > 0 && word.startsWith(key)))) {
        offer({ item, reason: "PREFIX", matched: form.text, distance: 0 });
        continue;
      }
      if (key.length >= 3) {
        const d = Math.min(...keys.map((k) => distance(k, key)));
        if (d <= allowedDistance(key)) offer({ item, reason: "SPELLING", matched: form.text, distance: d });
      }
    }
  }
  return [...best.values()].sort(compare);
}

function compare<T extends Searchable>(a: Match<T>, b: Match<T>): number {
  return (
    MATCH_REASONS.indexOf(a.reason) - MATCH_REASONS.indexOf(b.reason) ||
    Number(b.item.preferred) - Number(a.item.preferred) ||
    a.distance - b.distance ||
    a.matched.length - b.matched.length ||
    a.item.code.localeCompare(b.item.code)
  );
}

/**
 * The one item a name stands for, when it is unambiguous: the matches of the strongest reason
 * among NAME, FORMER_NAME and ALIAS (PREFIX and SPELLING are suggestions, never an answer).
 * Several items with that reason: ambiguous, and they are the candidates.
 */
export function resolveName<T extends Searchable>(
  matches: readonly Match<T>[],
): { found: T | null; candidates: Match<T>[] } {
  const exact = matches.filter((m) => m.reason === "NAME" || m.reason === "FORMER_NAME" || m.reason === "ALIAS");
  if (exact.length === 0) return { found: null, candidates: [] };
  const strongest = exact.filter((m) => m.reason === exact[0]!.reason);
  // among equally strong matches, one that exists today wins over dissolved ones
  const preferred = strongest.filter((m) => m.item.preferred);
  const tied = preferred.length > 0 ? preferred : strongest;
  return tied.length === 1 ? { found: tied[0]!.item, candidates: [] } : { found: null, candidates: tied };
}
