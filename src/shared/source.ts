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

/** This service, as the publisher of what it computes. */
export const SERVICE_PUBLISHER = "nl-work-graph (computed by this service)";

export function derivedSource(document: string, date: string, note: string | null = null, license: string | null = null): SourceModel {
  return { publisher: SERVICE_PUBLISHER, document, url: null, date, kind: "DERIVED", license, note };
}
