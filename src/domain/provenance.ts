// How a figure is labelled, and the rules a served figure must keep. The one place that decides:
// every subgraph's `qualifier` and `publishedOn` fields resolve through `labelOf`, and the test that
// walks every figure the graph serves checks each against `provenanceBreaches`.

/** How a document states a number (GraphQL enum Qualifier). */
export const QUALIFIERS = [
  "STATED",
  "ABOUT",
  "MORE_THAN",
  "ALMOST",
  "AT_MOST",
  "AT_LEAST",
  "FORECAST",
  "NOT_PUBLISHED",
] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** Qualifiers a published document can give (NOT_PUBLISHED is this service's, for generated figures). */
export const PUBLISHED_QUALIFIERS: ReadonlySet<string> = new Set(QUALIFIERS.filter((q) => q !== "NOT_PUBLISHED"));

export const SOURCE_KINDS = ["OFFICIAL", "DERIVED", "SYNTHETIC", "ASSUMED"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The words that separate a derived figure's rule from its inputs in the source note (computedSource). */
export const INPUTS_MARKER = "Computed from ";

export interface Label {
  qualifier: string;
  publishedOn: string | null;
}

/**
 * The label a figure is served with, from how it was stored and the kind of its source. Generated
 * figures were never published: qualifier NOT_PUBLISHED and no publication date, whatever a generator
 * or an import wrote. A value computed here has no publication date of its own either.
 */
export function labelOf(stored: { qualifier: string; publishedOn?: string | null }, kind: string): Label {
  if (kind === "SYNTHETIC") return { qualifier: "NOT_PUBLISHED", publishedOn: null };
  if (kind === "DERIVED") return { qualifier: stored.qualifier, publishedOn: null };
  return { qualifier: stored.qualifier, publishedOn: stored.publishedOn ?? null };
}

/** The least certain qualifier of a value's inputs wins: anything computed from an "about" figure is "about". */
export function combineQualifiers(qualifiers: readonly string[]): string {
  if (qualifiers.includes("NOT_PUBLISHED")) return "NOT_PUBLISHED";
  if (qualifiers.includes("FORECAST")) return "FORECAST";
  return qualifiers.some((q) => q !== "STATED") ? "ABOUT" : "STATED";
}

/** A served figure as the provenance rules see it: its label and its source. */
export interface ServedFigure {
  qualifier?: string | null;
  publishedOn?: string | null;
  source: { kind: string; date?: string | null; note?: string | null; document?: string | null };
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Every rule a served figure breaks, in words; empty when it keeps them all. */
export function provenanceBreaches(figure: ServedFigure): string[] {
  const { kind, note, date, document } = figure.source;
  const breaches: string[] = [];
  const q = figure.qualifier;
  if (!(SOURCE_KINDS as readonly string[]).includes(kind)) breaches.push(`unknown source kind ${kind}`);
  if (q != null && !(QUALIFIERS as readonly string[]).includes(q)) breaches.push(`unknown qualifier ${q}`);
  if (kind === "SYNTHETIC") {
    if (q != null && q !== "NOT_PUBLISHED") breaches.push(`SYNTHETIC figure with qualifier ${q}`);
    if (figure.publishedOn) breaches.push(`SYNTHETIC figure with a publication date ${figure.publishedOn}`);
  } else if (q === "NOT_PUBLISHED") {
    breaches.push(`${kind} figure with qualifier NOT_PUBLISHED`);
  }
  if (kind === "DERIVED") {
    const at = note?.indexOf(INPUTS_MARKER) ?? -1;
    if (at < 0) breaches.push("DERIVED figure whose source does not name its inputs");
    else if (note!.slice(0, at).replace(/[.\s]/g, "") === "")
      breaches.push("DERIVED figure whose source names no rule");
    if (figure.publishedOn) breaches.push("DERIVED figure with a publication date");
  }
  if (kind === "ASSUMED" && !/^ASSUMED\b.{20,}/s.test(note ?? "")) {
    breaches.push("ASSUMED figure whose source note does not say why (it must start with ASSUMED and give the reason)");
  }
  if (kind === "OFFICIAL" && !ISO_DATE.test(date ?? "")) breaches.push(`OFFICIAL source without an ISO date (${date})`);
  if (!document) breaches.push("source without a document");
  return breaches;
}
