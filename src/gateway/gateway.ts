import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import http from "node:http";
import {
  createGatewayRuntime,
  type GatewayPlugin,
  type GatewayRuntime,
  type Logger,
} from "@graphql-hive/gateway-runtime";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import * as httpTransport from "@graphql-mesh/transport-http";
import InMemoryLRUCache from "@graphql-mesh/cache-inmemory-lru";
import RedisCache from "@graphql-mesh/cache-redis";
import { getOperationAST, type DocumentNode } from "graphql";
import { CLAIMS_HEADER, claimsHeader, serialiseForSigning, type Viewer } from "../auth/claims.ts";
import { listen, sendJsonError } from "../common/http.ts";
import { createLogger, requestIds } from "../common/log.ts";
import { BodyRefused, readBody } from "./body.ts";
import { corsOption, type CorsPolicy } from "./cors.ts";
import { costLimit } from "./cost.ts";
import { dashboardHandler } from "./dashboard.ts";
import { DEFAULT_LIMITS, limitPlugins, type QueryLimits } from "./limits.ts";
import { persistedDocumentsOption, type PersistedDocuments } from "./persisted-documents.ts";
import { readiness } from "./readiness.ts";
import { getParametersAreJson, jsonPostsOnly } from "./request-checks.ts";
import { startRetirement, type Retirement } from "./retirement.ts";
import { maskError, subgraphFailures } from "./subgraph-failures.ts";
import { gatewayMetrics } from "./metrics.ts";
import { gatewayTracing } from "./tracing.ts";

export interface GatewayOptions {
  /** a supergraph file path, an http(s) URL serving one, or the SDL itself */
  supergraph: string;
  /** subgraph name → URL, overriding the URLs written in the supergraph (split deployments) */
  subgraphUrls?: Record<string, string>;
  port: number;
  host: string;
  /** poll a supergraph URL for changes this often (ms) */
  pollingInterval?: number;
  /** log level (false: nothing, true: info; default warn); JSON lines when standard output is not a terminal */
  logging?: boolean | "debug" | "info" | "warn" | "error";
  /** verifies bearer tokens and signs the viewer's claims for the subgraphs; without it, no writes */
  auth?: { verify: (token: string) => Promise<Viewer>; signingSecret: string };
  /**
   * Cache whole responses for this long, per document, variables and viewer roles: in memory, or in
   * Redis when `redisUrl` is given (shared by every replica). Every successful mutation through any
   * replica retires all entries in all of them, and so does a change announced on one of
   * `databaseUrls` (an import, a seeding): see retirement.ts.
   */
  responseCache?: ResponseCacheOptions;
  /** share identical subgraph requests in flight (default true); off for fair benchmarks */
  deduplicateSubgraphRequests?: boolean;
  /** request limits; default DEFAULT_LIMITS */
  limits?: Partial<QueryLimits>;
  /** documents accepted by sha256 hash (APQ format); `only`: refuse any other document (safelisting) */
  persistedDocuments?: PersistedDocuments;
  /** origins allowed besides the gateway's own and localhost's (CORS) */
  cors?: CorsPolicy;
  /** Prometheus metrics at /metrics (default true) */
  metrics?: boolean;
  /** OpenTelemetry tracing plugins (tracing.ts), when tracing is configured */
  tracing?: GatewayPlugin[];
}

export interface ResponseCacheOptions {
  ttlMs: number;
  redisUrl?: string;
  namespace?: string;
  /** the subgraphs' PostgreSQL databases, whose change notifications retire cached answers */
  databaseUrls?: string[];
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

/** The verified viewer's claims header, per request context; absent for anonymous requests. */
const claimsByContext = new WeakMap<object, string>();

/**
 * The federation gateway: Hive Gateway runtime with the Rust query planner, over a supergraph,
 * assembled from one plugin per concern. GraphiQL is rendered from the installed package (no CDN), so
 * it works offline.
 */
export function createGateway(
  options: Omit<GatewayOptions, "port" | "host">,
  log?: Logger,
  retirement: Retirement = ownGeneration(),
): GatewayRuntime {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const cache = options.responseCache;
  const metrics = options.metrics === false ? null : gatewayMetrics(log ?? createLogger(false));
  const store = cache
    ? cache.redisUrl
      ? new RedisCache({ url: cache.redisUrl, logger: quietLogger } as never)
      : new InMemoryLRUCache({ max: 10_000 })
    : null;
  const auth = options.auth;
  const rolesOf = async (request: Request) => {
    const token = bearerToken(request.headers.get("authorization"));
    if (!token || !auth) return "public";
    return (await auth.verify(token)).roles.slice().sort().join(",") || "signed-in";
  };
  return createGatewayRuntime({
    ...(options.persistedDocuments
      ? { persistedDocuments: persistedDocumentsOption(options.persistedDocuments) as never }
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
    // loaded at the first GraphiQL page, not at start: the module inlines GraphiQL's whole bundle
    renderGraphiQL: async (graphiql) => (await import("@graphql-yoga/render-graphiql")).renderGraphiQL(graphiql),
    landingPage: false,
    // the offline GraphiQL page inlines its whole bundle (~9 MB): responses are compressed for
    // browsers; compressed request bodies are inflated before the runtime, under the body limit (body.ts)
    contentEncoding: true,
    cors: corsOption(options.cors ?? { origins: [] }),
    // unexpected errors (bugs, SQL) become "Unexpected error." with no stack or message leaked; a
    // subgraph that cannot be reached is named, so a partial result says what is missing
    maskedErrors: { maskError },
    healthCheckEndpoint: "/healthcheck",
    readinessCheckEndpoint: "/readiness",
    logging: log ?? gatewayLogger(options.logging) ?? false,
    ...(auth
      ? {
          // the verified viewer's claims, signed with the operation and variables (claims.ts)
          hmacSignature: {
            secret: auth.signingSecret,
            shouldSign: ({ executionRequest }) => claimsByContext.has(executionRequest.context as object),
            serializeExecutionRequest: serialiseForSigning((context) => claimsByContext.get(context as object)),
          },
          // client headers themselves are not passed on
          propagateHeaders: {
            fromClientToSubgraphs({ context }: { context: unknown }) {
              const claims = claimsByContext.get(context as object);
              return claims ? { [CLAIMS_HEADER]: claims } : {};
            },
          },
        }
      : {}),
    ...(cache && store
      ? {
          cache: metrics ? metrics.countLookups(store) : store,
          responseCaching: {
            ttl: cache.ttlMs,
            // the generation is part of each key: a new one retires every entry (retirement.ts)
            session: async (request: Request) =>
              `${cache.namespace ?? "nlwg"}:${retirement.current()}:${await rolesOf(request)}`,
          },
        }
      : {}),
    plugins: () => [
      ...(options.tracing ?? []),
      ...(metrics ? [metrics.plugin] : []),
      jsonPostsOnly(),
      getParametersAreJson(),
      ...limitPlugins(limits),
      costLimit(limits),
      // with the subgraph timeout (not the runtime's upstreamTimeout: see subgraph-failures.ts)
      subgraphFailures(limits.subgraphTimeoutMs),
      ...(auth ? [viewerClaims(auth.verify)] : []),
      {
        onExecute({ args }: { args: { document: DocumentNode; operationName?: string | null } }) {
          const operation = getOperationAST(args.document, args.operationName ?? undefined);
          if (operation?.operation !== "mutation") return;
          return {
            // before the answer leaves: a client that reads after its write reads it, through any replica
            async onExecuteDone({ result }: { result: unknown }) {
              if (!(result as { errors?: unknown[] }).errors?.length) await retirement.retire();
            },
          };
        },
      },
    ],
  });
}

/** Verifies the bearer token once per request and keeps the viewer's claims header for the subgraph calls. */
function viewerClaims(verify: (token: string) => Promise<Viewer>) {
  return {
    async onContextBuilding({ context }: { context: { request?: Request } }) {
      const token = bearerToken(context.request?.headers.get("authorization"));
      if (token) claimsByContext.set(context, claimsHeader(await verify(token)));
    },
  };
}

function gatewayLogger(logging: GatewayOptions["logging"]): Logger | undefined {
  if (logging === false) return undefined;
  return createLogger(logging === true ? "info" : (logging ?? "warn"));
}

/** A client's x-request-id when it is a sensible one, else a new one: it names the request in every log line. */
function requestId(req: http.IncomingMessage): string {
  const given = req.headers["x-request-id"];
  if (typeof given === "string" && /^[\w.:-]{1,100}$/.test(given)) return given;
  const id = randomUUID();
  req.headers["x-request-id"] = id;
  return id;
}

/**
 * Every subgraph request in flight holds one abort listener on its transport's long-lived dispose
 * signal (@graphql-tools/executor-http hands it to node's http.request, which removes the listener when
 * the request ends). Node warns past 10 listeners on one signal, which a gateway with more than 10
 * subgraph requests in flight always has: a false alarm at that limit. Warn at the number of requests
 * a gateway really should not have in flight at once.
 */
const SUBGRAPH_REQUESTS_IN_FLIGHT = 2_000;

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  setMaxListeners(SUBGRAPH_REQUESTS_IN_FLIGHT);
  const log = gatewayLogger(options.logging);
  const cache = options.responseCache;
  const retirement = cache
    ? await startRetirement({
        namespace: cache.namespace ?? "nlwg",
        ...(cache.redisUrl ? { redisUrl: cache.redisUrl } : {}),
        ...(cache.databaseUrls ? { databaseUrls: cache.databaseUrls } : {}),
        warn: (message) => (log ? log.warn(message) : console.error(message)),
      })
    : ownGeneration();
  const runtime = createGateway({ ...options, tracing: options.tracing ?? (await gatewayTracing()) }, log, retirement);
  const maxBody = options.limits?.maxBodyBytes ?? DEFAULT_LIMITS.maxBodyBytes;
  let draining = false;

  /** The body read here under the limit (body.ts), handed to the runtime already decoded. */
  const withBody = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== "POST" && req.method !== "PUT" && req.method !== "PATCH") return runtime(req, res);
    let body: Buffer;
    try {
      body = await readBody(req, maxBody);
    } catch (error) {
      if (error instanceof BodyRefused) return refuse(res, error.status, error.code, error.message);
      throw error;
    }
    if (body.length === 0)
      return refuse(res, 400, "BAD_REQUEST", "The request body is empty: send a JSON object with a query.", false);
    delete req.headers["content-encoding"];
    delete req.headers["transfer-encoding"];
    req.headers["content-length"] = String(body.length);
    (req as { body?: unknown }).body = body;
    return runtime(req, res);
  };

  const dashboard = dashboardHandler();
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // while draining, every answer closes its connection, so keep-alive clients let go
    if (draining) res.setHeader("connection", "close");
    // the partner dashboard at / (static files); GraphQL and GraphiQL stay at /graphql
    if (dashboard(req, res)) return;
    if (auth(req, res)) return;
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
    void withBody(req, res);
  };

  /** A bad bearer token is refused before anything else (401); true when the request was answered. */
  const auth = (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    if (!options.auth || !req.headers.authorization) return false;
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      refuse(res, 401, "UNAUTHENTICATED", "The Authorization header must be: Bearer <JWT>.");
      return true;
    }
    options.auth.verify(token).then(
      () => void withBody(req, res),
      (error: Error) => refuse(res, 401, "UNAUTHENTICATED", `The bearer token was not accepted: ${error.message}.`),
    );
    return true;
  };

  const server = http.createServer((req, res) => requestIds.run(requestId(req), () => handle(req, res)));
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
      await retirement.stop();
    },
  };
}

/** A generation of this process alone: for a gateway without a shared cache or databases to listen to. */
function ownGeneration(): Retirement {
  let generation = 0;
  return {
    current: () => String(generation),
    retire: async () => void (generation += 1),
    stop: async () => {},
  };
}

function refuse(res: http.ServerResponse, status: number, code: string, message: string, close = true): void {
  sendJsonError(res, status, code, message, close);
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
