// A subgraph's part of a trace: one server span per HTTP request, child of the gateway's call (its
// W3C `traceparent` header), in whose context the resolvers run, so that Prisma's query and SQL
// spans hang below it; the GraphQL operation's name, type and error codes on it. Nothing is done
// when tracing is not set up.
import type http from "node:http";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { tracingActive } from "../common/telemetry.ts";

/** Runs `handle` inside a server span for the request when tracing; else just runs it. */
export function tracedRequest(
  subgraph: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  handle: () => void,
): void {
  if (!tracingActive()) return handle();
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const path = (req.url ?? "/").split("?")[0]!;
  const span = trace.getTracer("nl-work-graph-subgraph").startSpan(
    `${req.method ?? "GET"} ${path}`,
    {
      kind: SpanKind.SERVER,
      attributes: { "http.request.method": req.method ?? "GET", "url.path": path, "nlwg.subgraph": subgraph },
    },
    parent,
  );
  res.once("close", () => {
    span.setAttribute("http.response.status_code", res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(parent, span), handle);
}

/** Names the request's span after the GraphQL operation and notes the error codes. */
export function tracingPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const span = tracingActive() ? trace.getSpan(context.active()) : undefined;
      if (!span) return;
      return {
        async didEncounterErrors({ errors }) {
          span.setAttribute(
            "graphql.error.codes",
            errors.map((error) => String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR")),
          );
        },
        async willSendResponse({ operationName, operation }) {
          span.setAttribute("graphql.operation.type", operation?.operation ?? "");
          if (operationName) span.setAttribute("graphql.operation.name", operationName);
          span.updateName(`graphql ${operation?.operation ?? "request"}${operationName ? ` ${operationName}` : ""}`);
        },
      };
    },
  };
}
