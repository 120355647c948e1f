import { expect } from "vitest";
import { startLocalStack, type Stack } from "../../src/app.ts";
import { SUBGRAPH_NAMES, type SubgraphName } from "../../src/subgraphs/subgraph.ts";
import type { Backend } from "./databases.ts";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function postGraphQL<T = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, "status">;
  return { status: response.status, ...body };
}

export interface TestStack extends Stack {
  /** a request through the gateway */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** a request straight to one subgraph */
  direct<T = Record<string, any>>(
    subgraph: SubgraphName,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** SQL statements each subgraph has sent so far */
  sqlCounts(): Record<SubgraphName, number>;
  /** the SQL statements each subgraph sends while `work` runs */
  sqlDuring(work: () => Promise<unknown>): Promise<Record<SubgraphName, number>>;
  /**
   * The SQL statements of one page of `municipalities` (the query takes `$first`), after checking that
   * it answered without errors and with `first` municipalities: for the N+1 assertions.
   */
  municipalityPageSql(query: string, first: number): Promise<Record<SubgraphName, number>>;
  /** forgets every subgraph's cached reads, as a change of the data would: the next request reads afresh */
  emptyCaches(): void;
  close(): Promise<void>;
}

/** The whole product on ephemeral ports over a fresh seeded database of the given backend. */
export async function startTestStack(backend: Backend): Promise<TestStack> {
  const db = await backend.seeded();
  const stack = await startLocalStack(db.location);
  const sqlCounts = () =>
    Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, stack.databases[name].stats.queries])) as Record<
      SubgraphName,
      number
    >;
  const sqlDuring = async (work: () => Promise<unknown>) => {
    const before = sqlCounts();
    await work();
    const after = sqlCounts();
    return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, after[name] - before[name]])) as Record<
      SubgraphName,
      number
    >;
  };
  const gql: TestStack["gql"] = (query, variables) => postGraphQL(stack.gateway.url, query, variables);
  return {
    ...stack,
    gql,
    direct: (subgraph, query, variables) => postGraphQL(stack.subgraphs[subgraph].url, query, variables),
    sqlCounts,
    sqlDuring,
    municipalityPageSql: (query, first) =>
      sqlDuring(async () => {
        const res = await gql(query, { first });
        expect(res.errors).toBeUndefined();
        expect(res.data!.municipalities.nodes).toHaveLength(first);
      }),
    emptyCaches: () => SUBGRAPH_NAMES.forEach((name) => stack.databases[name].cache.invalidate()),
    async close() {
      await stack.stop();
      await db.drop();
    },
  };
}
