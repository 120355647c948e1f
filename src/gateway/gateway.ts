import http from "node:http";
import type { AddressInfo } from "node:net";
import { createGatewayRuntime, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import * as httpTransport from "@graphql-mesh/transport-http";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";

export interface GatewayOptions {
  /** a supergraph file path, an http(s) URL serving one, or the SDL itself */
  supergraph: string;
  /** subgraph name → URL, overriding the URLs written in the supergraph (split deployments) */
  subgraphUrls?: Record<string, string>;
  port: number;
  host: string;
  /** poll a supergraph URL for changes this often (ms) */
  pollingInterval?: number;
  logging?: boolean | "debug" | "info" | "warn" | "error";
  /** documents accepted by sha256 hash (APQ format); `only`: refuse any other document (safelisting) */
  persistedDocuments?: { manifest: Record<string, string>; only: boolean };
}

export interface RunningGateway {
  url: string;
  port: number;
  runtime: GatewayRuntime;
  stop(): Promise<void>;
}

const EXAMPLE_QUERY = `# The municipalities of labour-market region AM01 (Groningen) with their population,
# and the region's total. Press the run button (or Ctrl-Enter).
query RegionWithMunicipalities {
  labourMarketRegion(code: "AM01") {
    name
    population { value referenceDate source { publisher document kind } }
    municipalities(first: 50, orderBy: { field: POPULATION, direction: DESC }) {
      totalCount
      nodes { code name population { value } }
    }
  }
}
`;

/**
 * The federation gateway: Hive Gateway runtime with the Rust query planner, over a supergraph.
 * GraphiQL is rendered from the installed package (no CDN), so it works offline.
 */
export function createGateway(options: Omit<GatewayOptions, "port" | "host">): GatewayRuntime {
  const persisted = options.persistedDocuments;
  return createGatewayRuntime({
    ...(persisted
      ? {
          persistedDocuments: {
            // manifest keys are "sha256:<hex>"; clients send the bare hex
            getPersistedOperation: (key: string) =>
              persisted.manifest[`sha256:${key}`] ?? persisted.manifest[key] ?? null,
            allowArbitraryDocuments: !persisted.only,
          },
        }
      : {}),
    supergraph: options.supergraph,
    ...(options.pollingInterval ? { pollingInterval: options.pollingInterval } : {}),
    unifiedGraphHandler,
    // imported statically: the runtime would otherwise resolve it by name at the first request
    transports: { http: httpTransport },
    transportEntries: Object.fromEntries(
      Object.entries(options.subgraphUrls ?? {}).map(([name, location]) => [name, { location }]),
    ),
    graphiql: { title: "Work and participation data — GraphiQL", defaultQuery: EXAMPLE_QUERY },
    renderGraphiQL,
    landingPage: false,
    // the offline GraphiQL page inlines its whole bundle (~9 MB); compressed for browsers
    contentEncoding: true,
    // unexpected errors (bugs, SQL) become "Unexpected error." with no stack or message leaked
    maskedErrors: true,
    healthCheckEndpoint: "/healthcheck",
    readinessCheckEndpoint: "/readiness",
    logging: options.logging ?? "warn",
  });
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const runtime = createGateway(options);
  const server = http.createServer(runtime);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    runtime,
    async stop() {
      // stop accepting, let in-flight requests finish, then drop idle keep-alive connections
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await runtime.dispose();
    },
  };
}
