// What a client sees when a subgraph cannot be reached: SUBGRAPH_UNAVAILABLE naming the subgraph,
// and nothing of how the gateway talks to it (URLs, ports, the subgraph query, driver messages);
// the log keeps the detail. What the other subgraphs answered is kept (a partial result).
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import type { GraphQLError } from "graphql";
import { createGraphQLError, maskError as yogaMaskError } from "graphql-yoga";

/** Codes the HTTP executor and the gateway give failures of the transport, not answers of a subgraph. */
const TRANSPORT_FAILURES = new Set([
  "SUBREQUEST_HTTP_ERROR",
  "RESPONSE_VALIDATION_FAILED",
  "TIMEOUT_ERROR",
  "GATEWAY_TIMEOUT",
  "DOWNSTREAM_SERVICE_ERROR",
]);

/** Extension keys that describe the transport (request body, URL, response headers …), never shown. */
const TRANSPORT_DETAIL = new Set(["request", "response", "http", "stacktrace", "exception"]);

type ErrorLike = { message?: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> };

export function unavailable(serviceName: string, path?: readonly (string | number)[]): GraphQLError {
  return createGraphQLError(`The ${serviceName} subgraph did not answer; the rest of the result is complete.`, {
    ...(path ? { path } : {}),
    extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName },
  });
}

const isTransportFailure = (error: ErrorLike) => {
  const code = error.extensions?.code;
  return typeof code !== "string" || TRANSPORT_FAILURES.has(code) || error.extensions?.request !== undefined;
};

/** An error a subgraph answered with, as the client may see it: its message and code, no transport detail. */
function answered(error: ErrorLike, serviceName: string): GraphQLError {
  const extensions = Object.fromEntries(
    Object.entries(error.extensions ?? {}).filter(([key]) => !TRANSPORT_DETAIL.has(key)),
  );
  return createGraphQLError(error.message ?? "Unexpected error.", {
    ...(error.path ? { path: error.path } : {}),
    extensions: { ...extensions, serviceName },
  });
}

type Result = { data?: unknown; errors?: readonly ErrorLike[] };

/** A subgraph call given up on after `ms`: rejected like a transport failure (the log names the wait). */
function withTimeout<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no answer within ${ms} ms`), { extensions: { code: "TIMEOUT_ERROR" } })),
      ms,
    );
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Wraps each subgraph call (outermost): a call that throws, fails in transport or takes longer than
 * `timeoutMs` becomes a result with one SUBGRAPH_UNAVAILABLE error, which the query planner merges
 * into the partial result like any subgraph error.
 *
 * The timeout is one timer per call, cleared when the answer comes. The runtime's own upstream timeout
 * gives every call an AbortSignal.timeout combined with the client's signal and the transport's (two
 * signal objects, listeners, and a DOMException when each timer fires 10 s later): about a twentieth
 * of the gateway's CPU per request in a profile. The call is given no abort signal of the client's
 * either, for the same reason; a call given up on (or whose client went away) finishes in the
 * background, bounded by the subgraphs' own database timeouts.
 */
export function subgraphFailures(timeoutMs = 0): GatewayPlugin {
  return {
    onSubgraphExecute({ subgraphName, executor, setExecutor, log }) {
      const report = (error: ErrorLike) =>
        log.warn(`subgraph ${subgraphName} did not answer: ${error.message ?? String(error)}`);
      setExecutor((request) => {
        const unsignalled = {
          ...request,
          signal: undefined,
          ...(request.info ? { info: { ...request.info, signal: undefined } } : {}),
        } as typeof request;
        const call = Promise.resolve().then(() => executor(unsignalled));
        return (timeoutMs > 0 ? withTimeout(call, timeoutMs) : call).then(
          (result) => {
            const errors = (result as Result | null)?.errors;
            if (!errors?.length || Symbol.asyncIterator in (result as object)) return result;
            return {
              ...(result as Result),
              errors: errors.map((error) => {
                if (!isTransportFailure(error)) return answered(error, subgraphName);
                report(error);
                return unavailable(subgraphName, error.path);
              }),
            };
          },
          (error: ErrorLike) => {
            report(error);
            return { errors: [unavailable(subgraphName, error.path)] };
          },
        ) as never;
      });
    },
  };
}

/** The serviceName of a subgraph's error, or of the error it wraps. */
function fromSubgraph(error: unknown): ErrorLike | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const node = current as ErrorLike & { originalError?: unknown };
    if (typeof node.extensions?.serviceName === "string") return node;
    current = node.originalError;
  }
  return null;
}

/**
 * The gateway's error masking: a subgraph's error keeps its message and code (the subgraph masked
 * it already) without transport detail; a transport failure that reached here is SUBGRAPH_UNAVAILABLE;
 * anything else as GraphQL Yoga masks it (GraphQL errors kept, anything unexpected hidden).
 */
export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  // duck-typed, not instanceof: the runtime may hold another copy of graphql-js than this module
  const path = (error as ErrorLike | null)?.path;
  const subgraphError = fromSubgraph(error);
  if (subgraphError) {
    const serviceName = String(subgraphError.extensions!.serviceName);
    if (isTransportFailure(subgraphError)) return unavailable(serviceName, path ?? subgraphError.path);
    return answered({ ...subgraphError, path: path ?? subgraphError.path }, serviceName);
  }
  return yogaMaskError(error, message, isDev);
}
