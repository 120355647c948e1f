import http from "node:http";
import { createGatewayRuntime, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import * as httpTransport from "@graphql-mesh/transport-http";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import InMemoryLRUCache from "@graphql-mesh/cache-inmemory-lru";
import RedisCache from "@graphql-mesh/cache-redis";
import { GraphQLError, getOperationAST, type DocumentNode } from "graphql";
import { maskError as yogaMaskError } from "graphql-yoga";
import { signClaims, type Viewer } from "../auth/claims.ts";
import { listen, sendJsonError } from "../common/http.ts";
import { dashboardHandler } from "./dashboard.ts";
import { DEFAULT_LIMITS, limitPlugins, type QueryLimits } from "./limits.ts";

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
  /** verifies bearer tokens and signs the viewer's claims for the subgraphs; without it, no writes */
  auth?: { verify: (token: string) => Promise<Viewer>; signingSecret: string };
  /**
   * Cache whole responses for this long, per document, variables and viewer roles: in memory, or in
   * Redis when `redisUrl` is given. Every successful mutation through the gateway retires all entries.
   */
  responseCache?: { ttlMs: number; redisUrl?: string; namespace?: string };
  /** share identical subgraph requests in flight (default true); off for fair benchmarks */
  deduplicateSubgraphRequests?: boolean;
  /** request limits; default DEFAULT_LIMITS */
  limits?: Partial<QueryLimits>;
  /** documents accepted by sha256 hash (APQ format); `only`: refuse any other document (safelisting) */
  persistedDocuments?: { manifest: Record<string, string>; only: boolean };
}

export interface RunningGateway {
  url: string;
  port: number;
  runtime: GatewayRuntime;
  /** drains: requests in flight may finish within the deadline (default 3 s) */
  stop(deadlineMs?: number): Promise<void>;
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
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  // bumped by every successful mutation: part of each cache key, so a write retires all entries
  let generation = 0;
  const cache = options.responseCache;
  const rolesOf = async (request: Request) => {
    const token = bearerToken(request.headers.get("authorization"));
    if (!token || !options.auth) return "public";
    return (await options.auth.verify(token)).roles.slice().sort().join(",") || "signed-in";
  };
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
    transportEntries: {
      "*.http": { options: { deduplicateInflightRequests: options.deduplicateSubgraphRequests ?? true } },
      ...Object.fromEntries(Object.entries(options.subgraphUrls ?? {}).map(([name, location]) => [name, { location }])),
    },
    graphiql: { title: "Work and participation data — GraphiQL", defaultQuery: EXAMPLE_QUERY },
    renderGraphiQL,
    landingPage: false,
    // the offline GraphiQL page inlines its whole bundle (~9 MB); compressed for browsers
    contentEncoding: true,
    // unexpected errors (bugs, SQL) become "Unexpected error." with no stack or message leaked; a
    // subgraph that cannot be reached is named, so a partial result says what is missing
    maskedErrors: { maskError },
    healthCheckEndpoint: "/healthcheck",
    readinessCheckEndpoint: "/readiness",
    logging: options.logging ?? "warn",
    ...(limits.subgraphTimeoutMs > 0 ? { upstreamTimeout: limits.subgraphTimeoutMs } : {}),
    ...(options.auth
      ? {
          propagateHeaders: {
            // the verified viewer, signed for the subgraphs; client headers themselves are not passed on
            async fromClientToSubgraphs({ request }: { request: Request }) {
              const token = bearerToken(request.headers.get("authorization"));
              if (!token) return {};
              return signClaims(await options.auth!.verify(token), options.auth!.signingSecret);
            },
          },
        }
      : {}),
    ...(cache
      ? {
          cache: cache.redisUrl
            ? new RedisCache({ url: cache.redisUrl, logger: quietLogger } as never)
            : new InMemoryLRUCache({ max: 10_000 }),
          responseCaching: {
            ttl: cache.ttlMs,
            session: async (request: Request) => `${cache.namespace ?? "nlwg"}:${generation}:${await rolesOf(request)}`,
          },
        }
      : {}),
    plugins: () => [
      ...limitPlugins(limits),
      {
        onExecute({ args }: { args: { document: DocumentNode; operationName?: string | null } }) {
          const operation = getOperationAST(args.document, args.operationName ?? undefined);
          if (operation?.operation !== "mutation") return;
          return {
            onExecuteDone({ result }: { result: unknown }) {
              if (!(result as { errors?: unknown[] }).errors?.length) generation += 1;
            },
          };
        },
      },
    ],
  });
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const runtime = createGateway(options);
  const maxBody = options.limits?.maxBodyBytes ?? DEFAULT_LIMITS.maxBodyBytes;
  let draining = false;
  const dashboard = dashboardHandler();
  const server = http.createServer((req, res) => {
    // while draining, every answer closes its connection, so keep-alive clients let go
    if (draining) res.setHeader("connection", "close");
    // the partner dashboard at / (static files); GraphQL and GraphiQL stay at /graphql
    if (dashboard(req, res)) return;
    // Node's parser reads no more than Content-Length, so checking it bounds what is read
    if (req.method === "POST" || req.method === "PUT") {
      const length = req.headers["content-length"];
      if (length === undefined)
        return refuse(res, 411, "LENGTH_REQUIRED", "A request body needs a Content-Length header.");
      if (Number(length) > maxBody) {
        return refuse(
          res,
          413,
          "PAYLOAD_TOO_LARGE",
          `The request body is ${length} bytes; at most ${maxBody} are accepted.`,
        );
      }
    }
    if (options.auth && req.headers.authorization) {
      const token = bearerToken(req.headers.authorization);
      if (!token) return refuse(res, 401, "UNAUTHENTICATED", "The Authorization header must be: Bearer <JWT>.");
      options.auth.verify(token).then(
        () => void runtime(req, res),
        (error: Error) => refuse(res, 401, "UNAUTHENTICATED", `The bearer token was not accepted: ${error.message}.`),
      );
      return;
    }
    if (
      req.url?.split("?")[0] === "/readiness" &&
      options.subgraphUrls &&
      Object.keys(options.subgraphUrls).length > 0
    ) {
      void readiness(options.subgraphUrls).then(({ ready, subgraphs }) =>
        res
          .writeHead(ready ? 200 : 503, { "content-type": "application/json; charset=utf-8" })
          .end(JSON.stringify({ status: ready ? "ready" : "not ready", subgraphs })),
      );
      return;
    }
    void runtime(req, res);
  });
  server.keepAliveTimeout = 65_000;
  const { port, host } = await listen(server, options.port, options.host);
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    runtime,
    async stop(deadlineMs = 3_000) {
      // stop accepting; let requests in flight finish (up to the deadline); idle keep-alive
      // connections are closed as soon as they are idle
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // a request already on its way over a keep-alive connection looks idle until it is parsed:
      // give such requests a moment before idle connections are swept
      let sweep: NodeJS.Timeout | undefined;
      const grace = setTimeout(() => {
        server.closeIdleConnections();
        sweep = setInterval(() => server.closeIdleConnections(), 50);
      }, 250);
      const deadline = setTimeout(() => server.closeAllConnections(), deadlineMs);
      try {
        await closed;
      } finally {
        clearTimeout(grace);
        clearInterval(sweep);
        clearTimeout(deadline);
      }
      await runtime.dispose();
    },
  };
}

function refuse(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJsonError(res, status, code, message, true);
}

/**
 * Ready when every subgraph answers its /readiness (its database is reachable). A subgraph without
 * such an endpoint (a partner's) counts as ready when it answers at all.
 */
async function readiness(
  subgraphUrls: Record<string, string>,
): Promise<{ ready: boolean; subgraphs: Record<string, string> }> {
  const entries = await Promise.all(
    Object.entries(subgraphUrls).map(async ([name, url]) => {
      try {
        const response = await fetch(url.replace(/\/graphql\/?$/, "") + "/readiness", {
          signal: AbortSignal.timeout(1_500),
        });
        if (response.ok || response.status === 404) return [name, "ready"] as const;
        const body = (await response.json().catch(() => ({}))) as { reason?: string };
        return [name, `not ready: ${body.reason ?? `HTTP ${response.status}`}`] as const;
      } catch (error) {
        return [name, `not reachable: ${(error as Error).message}`] as const;
      }
    }),
  );
  return { ready: entries.every(([, state]) => state === "ready"), subgraphs: Object.fromEntries(entries) };
}

type ErrorNode = { message?: string; extensions?: Record<string, unknown>; originalError?: unknown };

/** The error (or the error it wraps) that a subgraph answered or failed with. */
function subgraphError(error: unknown): ErrorNode | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const node = current as ErrorNode;
    if (typeof node.extensions?.serviceName === "string") return node;
    current = node.originalError;
  }
  return null;
}

function maskError(error: unknown, message: string, isDev?: boolean): Error {
  // duck-typed, not instanceof: the runtime may hold another copy of graphql-js than this module
  const path = (error as { path?: readonly (string | number)[] } | null)?.path;
  const fromSubgraph = subgraphError(error);
  if (fromSubgraph) {
    const code = fromSubgraph.extensions?.code;
    // an error the subgraph answered with: already masked there, and it says what was wrong
    if (typeof code === "string" && code !== "DOWNSTREAM_SERVICE_ERROR") {
      return new GraphQLError(fromSubgraph.message ?? message, {
        ...(path ? { path } : {}),
        extensions: fromSubgraph.extensions,
      });
    }
    const serviceName = String(fromSubgraph.extensions!.serviceName);
    return new GraphQLError(`The ${serviceName} subgraph did not answer; the rest of the result is complete.`, {
      ...(path ? { path } : {}),
      extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName },
    });
  }
  // everything else as GraphQL Yoga masks it: GraphQL errors kept, anything unexpected hidden
  return yogaMaskError(error, message, isDev);
}

function bearerToken(header: string | null | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return match ? match[1]! : null;
}

const quietLogger = {
  log() {},
  debug() {},
  info() {},
  warn() {},
  error: (...args: unknown[]) => console.error("[response cache]", ...args),
  child() {
    return quietLogger;
  },
};
