/**
 * A small deterministic pseudo-random generator (mulberry32) seeded from text, so synthetic data
 * depends only on the seed and on what it is generated for, never on the order of generation.
 */
export function randomFor(...parts: (string | number)[]): () => number {
  let state = hash(parts.join("|"));
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a, 32 bits */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A whole-number weight between `min` and `max` per mille, for scaling integer amounts exactly. */
export function permille(random: () => number, min: number, max: number): bigint {
  return BigInt(Math.round(min + random() * (max - min)));
}
