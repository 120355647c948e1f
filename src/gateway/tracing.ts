// The gateway's part of a trace, by Hive Gateway's OpenTelemetry plugin: spans for the HTTP request,
// the GraphQL operation (parse, validate, execute), each subgraph's execution and each call to a
// subgraph, whose `traceparent` header carries the trace on. Loaded only when tracing is set up
// (src/common/telemetry.ts), so a gateway without it loads none of it.
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { startTracing } from "../common/telemetry.ts";

export async function gatewayTracing(serviceName = "nl-work-graph-gateway"): Promise<GatewayPlugin[]> {
  if (!(await startTracing(serviceName))) return [];
  const { useOpenTelemetry } = await import("@graphql-hive/plugin-opentelemetry");
  // the provider, context manager and propagator are this process's (telemetry.ts)
  return [useOpenTelemetry({ traces: true, inheritContext: true, propagateContext: true }) as GatewayPlugin];
}
