// The whole product in one thread: the subgraphs (subgraphs/start.ts) and the gateway over them
// (gateway/stack-gateway.ts). Tests, benchmarks and `npm start` with START_THREADS=1 use it.
import type { Database, DatabaseLocation } from "./db/database.ts";
import { readPersistedDocuments } from "./config.ts";
import { SUPERGRAPH_FILE } from "./federation/supergraph-file.ts";
import type { RunningGateway } from "./gateway/gateway.ts";
import { startStackGateway, type StackGatewayOptions } from "./gateway/stack-gateway.ts";
import { startSubgraphs, type SubgraphsOptions } from "./subgraphs/start.ts";
import type { RunningSubgraph } from "./subgraphs/server.ts";
import type { SubgraphName } from "./subgraphs/subgraph.ts";

export type StackOptions = Omit<SubgraphsOptions, "signingSecret"> & StackGatewayOptions;

export interface Stack {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  databases: Record<SubgraphName, Database>;
  stop(): Promise<void>;
}

/**
 * The whole product in this process on one database, on free ports of 127.0.0.1, quiet: for tests,
 * benchmarks and measurements.
 */
export function startLocalStack(location: DatabaseLocation, overrides: Partial<StackOptions> = {}): Promise<Stack> {
  return startStack({
    databases: { reference: location, municipal: location, uwv: location },
    host: "127.0.0.1",
    gatewayPort: 0,
    subgraphPorts: { reference: 0, municipal: 0, uwv: 0 },
    supergraph: SUPERGRAPH_FILE,
    log: () => {},
    gatewayLogging: false,
    persistedDocuments: { manifest: readPersistedDocuments(), only: false },
    ...overrides,
  });
}

/** Databases, then the three subgraphs, then the gateway over them, in this thread. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const running = await startSubgraphs({ ...options, signingSecret: options.auth?.signingSecret ?? null });
  try {
    const gateway = await startStackGateway(options, running.urls);
    return {
      gateway,
      subgraphs: running.subgraphs,
      databases: running.databases,
      async stop() {
        await gateway.stop();
        await running.stop();
      },
    };
  } catch (error) {
    await running.stop();
    throw error;
  }
}
