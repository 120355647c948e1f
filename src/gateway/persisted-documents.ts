// Documents accepted by their sha256 hash (the typed client's), optionally nothing else (safelisting).
import { createGraphQLError } from "graphql-yoga";

export interface PersistedDocuments {
  /** manifest: "sha256:<hex>" (or "<hex>") → document */
  manifest: Record<string, string>;
  /** refuse any document that is not in the manifest */
  only: boolean;
}

const clientError = (code: string, message: string) => () =>
  createGraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * The gateway runtime's `persistedDocuments` option. Ids are looked up in a Map, so an id such as
 * `__proto__`, `constructor` or `toString` finds nothing instead of a property of Object.prototype.
 */
export function persistedDocumentsOption(persisted: PersistedDocuments) {
  const documents = new Map<string, string>();
  for (const [key, document] of Object.entries(persisted.manifest)) {
    if (typeof document === "string") documents.set(key.replace(/^sha256:/, ""), document);
  }
  return {
    getPersistedOperation: (id: string) => documents.get(id.replace(/^sha256:/, "")) ?? null,
    allowArbitraryDocuments: !persisted.only,
    customErrors: {
      notFound: (payload: { params?: { extensions?: Record<string, any> } }) => {
        const id = String(payload.params?.extensions?.persistedQuery?.sha256Hash ?? "");
        return createGraphQLError(
          `No persisted document has the id "${id.length > 80 ? `${id.slice(0, 80)}…` : id}": send the sha256 hash of one of the typed client's documents${persisted.only ? "" : ", or the query itself"}.`,
          { extensions: { code: "PERSISTED_QUERY_NOT_FOUND", http: { status: 400 } } },
        );
      },
      keyNotFound: clientError(
        "PERSISTED_QUERY_ID_REQUIRED",
        persisted.only
          ? 'This gateway runs persisted documents only: send extensions.persistedQuery = { "version": 1, "sha256Hash": "<hash>" }.'
          : 'The request has no query: send "query", or extensions.persistedQuery with the sha256 hash of a persisted document.',
      ),
      persistedQueryOnly: clientError(
        "PERSISTED_QUERY_ONLY",
        "This gateway runs persisted documents only: send the document's sha256 hash in extensions.persistedQuery instead of a query.",
      ),
    },
  };
}
