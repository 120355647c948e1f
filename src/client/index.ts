// The typed client for portal developers: `import { createClient, RegionJobAgreementDocument } from
// "nl-work-graph/client"`. Every document is typed from the public schema by graphql-codegen and is
// sent by its sha256 hash (persisted documents), so a gateway that accepts only known documents
// (PERSISTED_DOCUMENTS_ONLY=true) still answers it.
import type { TypedDocumentString } from "./generated/graphql.ts";

export * from "./generated/graphql.ts";

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export class GraphQLRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: GraphQLErrorShape[],
  ) {
    super(errors.map((e) => e.message).join("; ") || `HTTP ${status}`);
    this.name = "GraphQLRequestError";
  }
}

export interface ClientOptions {
  /** the gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql */
  url: string;
  /** extra headers, e.g. authorization */
  headers?: Record<string, string>;
  /** default: the global fetch */
  fetch?: typeof fetch;
  /** send documents by hash (default true); false sends the whole text */
  persisted?: boolean;
}

type Variables<V> = V extends Record<string, never> ? [variables?: V] : [variables: V];

export interface Client {
  /** Runs a document; resolves with its data, rejects with GraphQLRequestError on any error. */
  request<Result, Vars>(document: TypedDocumentString<Result, Vars>, ...variables: Variables<Vars>): Promise<Result>;
}

const hashOf = (document: { __meta__?: Record<string, unknown> }) =>
  String(document.__meta__?.hash ?? "").replace(/^sha256:/, "");

export function createClient(options: ClientOptions): Client {
  const doFetch = options.fetch ?? fetch;
  const post = async (body: unknown) => {
    const response = await doFetch(options.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...options.headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: { data?: unknown; errors?: GraphQLErrorShape[] };
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new GraphQLRequestError(response.status, [{ message: `not a GraphQL response (HTTP ${response.status})` }]);
    }
    return { status: response.status, ...parsed };
  };
  return {
    async request(document, ...[variables]) {
      const query = document.toString();
      const operationName = /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
      const hash = hashOf(document as unknown as { __meta__?: Record<string, unknown> });
      const persisted = options.persisted !== false && hash !== "";
      const extensions = persisted ? { persistedQuery: { version: 1, sha256Hash: hash } } : undefined;
      let result = await post(
        persisted ? { operationName, variables, extensions } : { query, operationName, variables },
      );
      // a gateway that does not know the hash yet: send the text once (as automatic persisted queries do)
      if (persisted && result.errors?.some((e) => /persisted/i.test(`${e.extensions?.code ?? ""} ${e.message}`))) {
        result = await post({ query, operationName, variables, extensions });
      }
      if (result.errors?.length || result.data == null) {
        throw new GraphQLRequestError(result.status, result.errors ?? [{ message: "no data" }]);
      }
      return result.data as never;
    },
  };
}
