import http from "node:http";
import { ApolloServer, HeaderMap, type BaseContext } from "@apollo/server";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import bodyParser from "body-parser";
import type { GraphQLFormattedError } from "graphql";
import { CLAIMS_HEADER, verifiedViewer } from "../auth/claims.ts";
import { DatabaseTimeout, type Database } from "../db/database.ts";
import { listen, NOT_READY, sendJsonError } from "../common/http.ts";
import { createLogger, requestIds } from "../common/log.ts";
import { buildSubgraphSchema } from "./federation.ts";
import { subgraphTypeDefs, type SubgraphModule } from "./subgraph.ts";
import { serveMetrics } from "../common/metrics.ts";
import { subgraphMetrics } from "./metrics.ts";
import { tracedRequest, tracingPlugin } from "./tracing.ts";

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface SubgraphServerOptions {
  port: number;
  host: string;
  /** largest request body accepted, e.g. "1mb" */
  bodyLimit?: string;
  /** secret shared with the gateway for its signed claims; without it every request is anonymous */
  signingSecret?: string | null;
  log?: (message: string) => void;
  /** Prometheus metrics at /metrics (default true) */
  metrics?: boolean;
}

/**
 * Errors the resolvers raise on purpose (GraphQLError with a code) reach the client as they are;
 * anything else (a Prisma error with SQL in it, a bug) is logged and replaced by a generic message.
 */
export function maskUnexpectedErrors(log: (message: string) => void, subgraph = "this") {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code && code !== "INTERNAL_SERVER_ERROR") return formatted;
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    if (isDatabaseUnavailable(original)) {
      return {
        message: `The ${subgraph} subgraph's database is unavailable; try again later.`,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: "DATABASE_UNAVAILABLE" },
      };
    }
    log(`unexpected error: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
    return {
      message: "Unexpected error.",
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}

/** Serves one subgraph over HTTP: POST/GET /graphql, /healthcheck, /readiness (database reachable). */
export async function startSubgraphServer(
  module: SubgraphModule,
  db: Database,
  options: SubgraphServerOptions,
): Promise<RunningSubgraph> {
  const logger = createLogger("info", { attrs: { subgraph: module.name } });
  const log = options.log ?? ((message: string) => logger.error(message));
  const httpServer = http.createServer();
  httpServer.keepAliveTimeout = 65_000;
  const metrics = options.metrics === false ? null : subgraphMetrics(module.name, db);
  const apollo = new ApolloServer<BaseContext>({
    schema: buildSubgraphSchema({ typeDefs: subgraphTypeDefs(module.name), resolvers: module.resolvers }),
    formatError: maskUnexpectedErrors(log, module.name),
    includeStacktraceInErrorResponses: false,
    // the subgraphs serve the gateway and their operators, not the public: introspection stays on
    // whatever NODE_ENV says (Apollo Server turns it off in production)
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // federated tracing is for Apollo's cloud reporting, which this service does not use
      ApolloServerPluginInlineTraceDisabled(),
      // no "cache-control: no-store" on every answer: caching is the gateway's decision
      ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
      ...(metrics ? [metrics.plugin] : []),
      tracingPlugin(),
    ],
  });
  await apollo.start();

  const json = bodyParser.json({ limit: options.bodyLimit ?? "1mb" });
  httpServer.on("request", (req, res) => {
    // the gateway's request id, so the lines logged for a request can be found by it
    const id = req.headers["x-request-id"];
    requestIds.run(typeof id === "string" ? id.slice(0, 100) : "", () =>
      tracedRequest(module.name, req, res, () => handle(req, res)),
    );
  });
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthcheck") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    if (path === "/metrics" && metrics) {
      serveMetrics(metrics.registry, res);
      return;
    }
    if (path === "/readiness") {
      db.server.ping(1_000).then(
        () => res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ready"}'),
        (error: Error) => {
          // the reason in words that reveal no address; the log keeps the driver's message
          log(`not ready: ${error.message}`);
          const reason =
            error instanceof DatabaseTimeout
              ? NOT_READY.databaseSilent
              : isDatabaseUnavailable(error)
                ? NOT_READY.databaseUnavailable
                : NOT_READY.databaseFailed;
          res
            .writeHead(503, { "content-type": "application/json" })
            .end(JSON.stringify({ status: "not ready", reason }));
        },
      );
      return;
    }
    if (path !== "/graphql" && path !== "/") {
      sendJsonError(res, 404, "NOT_FOUND", `Not found: ${path}; GraphQL is served at /graphql`);
      return;
    }
    json(req, res, (parseError?: { status?: number; message?: string; type?: string }) => {
      if (parseError) {
        const status = parseError.status && parseError.status < 500 ? parseError.status : 400;
        const code = parseError.type === "entity.too.large" ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST";
        sendJsonError(res, status, code, `Request body rejected: ${parseError.message ?? "unreadable"}`);
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
      }
      apollo
        .executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: (req.method ?? "GET").toUpperCase(),
            headers,
            search: new URL(req.url ?? "/", "http://localhost").search,
            body: (req as { body?: unknown }).body,
          },
          context: async () =>
            module.createContext(
              db,
              verifiedViewer(
                headers.get(CLAIMS_HEADER),
                graphQLParams(req.method, req.url, (req as { body?: unknown }).body),
                options.signingSecret ?? null,
              ),
            ),
        })
        .then(async (response) => {
          for (const [key, value] of response.headers) res.setHeader(key, value);
          res.statusCode = response.status ?? 200;
          if (response.body.kind === "complete") {
            res.end(response.body.string);
            return;
          }
          for await (const chunk of response.body.asyncIterator) res.write(chunk);
          res.end();
        })
        .catch((error: unknown) => {
          log(`request failed: ${error instanceof Error ? error.message : String(error)}`);
          if (!res.headersSent) sendJsonError(res, 500, "INTERNAL_SERVER_ERROR", "Unexpected error.");
          else res.end();
        });
    });
  };

  const { port, host } = await listen(httpServer, options.port, options.host);
  return {
    name: module.name,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/graphql`,
    port,
    stop: () => apollo.stop(),
  };
}

/** The GraphQL parameters of a request to a subgraph: the JSON body of a POST, the query string of a GET. */
function graphQLParams(
  method: string | undefined,
  url: string | undefined,
  body: unknown,
): { query?: unknown; variables?: unknown; extensions?: unknown } {
  if (method !== "GET") return body && typeof body === "object" ? body : {};
  const params = new URL(url ?? "/", "http://localhost").searchParams;
  const json = (name: string) => {
    try {
      return JSON.parse(params.get(name) ?? "null") as unknown;
    } catch {
      return null;
    }
  };
  return { query: params.get("query"), variables: json("variables"), extensions: json("extensions") };
}

/** SQLSTATE classes of a database that cannot serve now: connection exception, insufficient resources, object not in prerequisite state, operator intervention. */
const UNAVAILABLE_CLASSES = new Set(["08", "53", "55", "57"]);
/** 3D000: the database does not exist (any more). */
const UNAVAILABLE_SQLSTATES = new Set(["3D000"]);
/** Node's socket errors, and Prisma's for an unreachable server, a pool or transaction that could not get a connection. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "P2028",
]);
/** Prisma's driver-adapter kinds for the same. */
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);

/**
 * Errors that mean the database cannot serve now (not a bug in a query), by code, never by message:
 * the SQLSTATE of the server (or the one database.ts gives the driver's own failures), Prisma's code
 * or driver-adapter kind, Node's socket error code; looked for through the error's causes.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const e = current as Record<string, unknown>;
    for (const key of ["code", "originalCode"]) {
      const code = e[key];
      if (typeof code !== "string") continue;
      if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code)) return true;
      if (/^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_CLASSES.has(code.slice(0, 2))) return true;
    }
    if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
    pending.push(e.cause, e.originalError, e.meta, e.driverAdapterError);
  }
  return false;
}
