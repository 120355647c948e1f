// OpenTelemetry traces, exported over OTLP/HTTP (JSON) when OTEL_EXPORTER_OTLP_ENDPOINT or
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set; otherwise nothing is loaded (the SDK is imported only
// then, so a start without telemetry costs nothing). One tracer provider per process, shared by the
// gateway and the subgraphs when they run together (npm start): W3C trace context in `traceparent`
// headers ties gateway, subgraph and SQL spans (Prisma's instrumentation) into one trace.
import { context, propagation, trace } from "@opentelemetry/api";

/** Whether this environment asks for traces. */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === "true" || env.OTEL_TRACES_EXPORTER === "none") return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

let active = false;
let starting: Promise<Tracing | null> | undefined;

export interface Tracing {
  /** sends the spans still waiting, then stops */
  shutdown(): Promise<void>;
}

/** True once startTracing has set up a provider in this process. */
export const tracingActive = () => active;

/**
 * Sets up tracing for this process when configured (once; later calls get the same), named
 * `serviceName` unless OTEL_SERVICE_NAME says otherwise. Null when not configured.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): Promise<Tracing | null> {
  if (!tracingConfigured(env)) return Promise.resolve(null);
  starting ??= setUp(env.OTEL_SERVICE_NAME ?? serviceName);
  return starting;
}

async function setUp(serviceName: string): Promise<Tracing> {
  const [sdk, { AsyncLocalStorageContextManager }, { OTLPTraceExporter }, core, { resourceFromAttributes }, prisma] =
    await Promise.all([
      import("@opentelemetry/sdk-trace-base"),
      import("@opentelemetry/context-async-hooks"),
      import("@opentelemetry/exporter-trace-otlp-http"),
      import("@opentelemetry/core"),
      import("@opentelemetry/resources"),
      import("@prisma/instrumentation"),
    ]);
  // the exporter reads its endpoint, headers and timeout from OTEL_EXPORTER_OTLP_*; the batch
  // processor its delay and sizes from OTEL_BSP_*; the sampler from OTEL_TRACES_SAMPLER(_ARG)
  const provider = new sdk.BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName }),
    spanProcessors: [new sdk.BatchSpanProcessor(new OTLPTraceExporter())],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(
    new core.CompositePropagator({
      propagators: [new core.W3CTraceContextPropagator(), new core.W3CBaggagePropagator()],
    }),
  );
  trace.setGlobalTracerProvider(provider);
  // Prisma reports each query (prisma:client:operation) and each SQL statement (prisma:engine:db_query)
  const instrumentation = new prisma.PrismaInstrumentation();
  instrumentation.setTracerProvider(provider);
  instrumentation.enable();
  active = true;
  return {
    async shutdown() {
      await provider.forceFlush();
      await provider.shutdown();
    },
  };
}

/** The trace and span of the work in progress, for log lines; null when not tracing. */
export function currentTrace(): { traceId: string; spanId: string } | null {
  if (!active) return null;
  const span = trace.getSpan(context.active());
  if (!span) return null;
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}
