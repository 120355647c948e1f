import http from "node:http";
import { ApolloServer, HeaderMap, type BaseContext } from "@apollo/server";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import bodyParser from "body-parser";
import type { GraphQLFormattedError } from "graphql";
import { verifiedViewer } from "../auth/claims.ts";
import type { Database } from "../db/database.ts";
import { listen, sendJsonError } from "../common/http.ts";
import { subgraphTypeDefs, type SubgraphModule } from "./subgraph.ts";

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
  const log = options.log ?? ((message: string) => console.error(`[${module.name}] ${message}`));
  const httpServer = http.createServer();
  httpServer.keepAliveTimeout = 65_000;
  const apollo = new ApolloServer<BaseContext>({
    schema: buildSubgraphSchema({ typeDefs: subgraphTypeDefs(module.name), resolvers: module.resolvers }),
    formatError: maskUnexpectedErrors(log, module.name),
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // federated tracing is for Apollo's cloud reporting, which this service does not use
      ApolloServerPluginInlineTraceDisabled(),
      // no "cache-control: no-store" on every answer: caching is the gateway's decision
      ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
    ],
  });
  await apollo.start();

  const json = bodyParser.json({ limit: options.bodyLimit ?? "1mb" });
  httpServer.on("request", (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthcheck") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    if (path === "/readiness") {
      db.server.ping().then(
        () => res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ready"}'),
        (error: Error) =>
          res
            .writeHead(503, { "content-type": "application/json" })
            .end(JSON.stringify({ status: "not ready", reason: error.message })),
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
          context: async () => module.createContext(db, verifiedViewer(headers, options.signingSecret ?? null)),
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
  });

  const { port, host } = await listen(httpServer, options.port, options.host);
  return {
    name: module.name,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/graphql`,
    port,
    stop: () => apollo.stop(),
  };
}

/** Errors that mean the database cannot be reached (not a bug in a query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; cause?: unknown };
    const code = String(e.code ?? "");
    const message = String(e.message ?? "");
    if (
      [
        "ECONNREFUSED",
        "ECONNRESET",
        "ENOTFOUND",
        "ETIMEDOUT",
        "P1001",
        "P1002",
        "P1017",
        "3D000",
        "57P01",
        "57P03",
        "08006",
        "08001",
      ].includes(code)
    )
      return true;
    if (
      /PGlite is closed|Connection terminated|connection timeout|timeout exceeded when trying to connect|database .* does not exist|ECONNREFUSED|Can't reach database/i.test(
        message,
      )
    )
      return true;
    current = e.cause;
  }
  return false;
}
