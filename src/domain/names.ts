/**
 * The key under which a municipality name is looked up: case-, diacritics- and punctuation-blind,
 * so "sudwest-fryslan" finds Súdwest-Fryslân and "s-hertogenbosch" finds 's-Hertogenbosch.
 */
export function nameSearchKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Mark}/gu, "")
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
