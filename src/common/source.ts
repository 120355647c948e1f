import { INPUTS_MARKER } from "../domain/provenance.ts";

/** Provenance as every subgraph exposes it (GraphQL type Source). */
export interface SourceModel {
  publisher: string;
  document: string;
  url: string | null;
  date: string;
  kind: string;
  license: string | null;
  note: string | null;
}

/**
 * The source of a value computed from others, not yet resolved: what it is, and the sources of its
 * inputs. Building one costs nothing; it is turned into a SourceModel (reading the inputs' sources)
 * only when a client asks for the `source` field.
 */
export interface ComputedRef {
  computed: { document: string; inputs: readonly SourceRef[]; note?: string };
}

/**
 * A source: by its id in the subgraph's own source table, one made on the spot, or a computed value's
 * (resolved on demand).
 */
export type SourceRef = string | SourceModel | ComputedRef;

export const computedRef = (document: string, inputs: readonly SourceRef[], note?: string): ComputedRef => ({
  computed: { document, inputs, ...(note !== undefined ? { note } : {}) },
});

/** This service, as the publisher of what it computes. */
export const SERVICE_PUBLISHER = "nl-work-graph (computed by this service)";

/**
 * The source of a value this service computes, with the rule it applies and what it computes from
 * (named in the note, as the provenance rules require of every DERIVED figure).
 */
export function derivedSource(
  document: string,
  date: string,
  rule: string,
  inputs: readonly string[],
  license: string | null = null,
): SourceModel {
  const note = `${rule.replace(/\.?\s*$/, "")}. ${INPUTS_MARKER}${inputs.join("; ")}`;
  return { publisher: SERVICE_PUBLISHER, document, url: null, date, kind: "DERIVED", license, note };
}

/**
 * The source of a value computed from others: SYNTHETIC when any input is synthetic (so generated
 * data never passes for real), else DERIVED. The note names what was computed and from what.
 */
export function computedSource(document: string, inputs: readonly SourceModel[], note?: string): SourceModel {
  const synthetic = inputs.some((s) => s.kind === "SYNTHETIC");
  const assumed = inputs.some((s) => s.kind === "ASSUMED");
  const from = [...new Set(inputs.map((s) => `${s.publisher}: ${s.document}`))];
  const parts = [
    note,
    from.length > 0
      ? `${INPUTS_MARKER}${from.slice(0, 3).join("; ")}${from.length > 3 ? ` and ${from.length - 3} more` : ""}`
      : null,
    synthetic ? "Some inputs are SYNTHETIC (generated, not real data)" : null,
    assumed ? "Some inputs are ASSUMED parameters (see their sources)" : null,
  ].filter(Boolean);
  return {
    publisher: SERVICE_PUBLISHER,
    document,
    url: null,
    // as recent as the newest input
    date:
      inputs
        .map((s) => s.date)
        .sort()
        .at(-1) ?? new Date().toISOString().slice(0, 10),
    kind: synthetic ? "SYNTHETIC" : "DERIVED",
    license: null,
    note: parts.join(". "),
  };
}
