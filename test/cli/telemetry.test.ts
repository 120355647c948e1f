import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, type TestDatabase } from "../support/databases.ts";
import { startGatewayProcess, startSubgraphProcess, type ServiceProcess } from "../support/processes.ts";

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  service: string;
}

/** A local OTLP/HTTP receiver (JSON encoding): every span it is sent, with its service's name. */
function otlpReceiver() {
  const spans: Span[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.url === "/v1/traces" && String(req.headers["content-type"]).startsWith("application/json")) {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as {
          resourceSpans: {
            resource: { attributes: { key: string; value: { stringValue?: string } }[] };
            scopeSpans: { spans: Omit<Span, "service">[] }[];
          }[];
        };
        for (const { resource, scopeSpans } of body.resourceSpans) {
          const service = resource.attributes.find((a) => a.key === "service.name")?.value.stringValue ?? "";
          for (const scope of scopeSpans) for (const span of scope.spans) spans.push({ ...span, service });
        }
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  return { server, spans };
}

const postgres = BACKENDS.find((b) => b.name === "postgresql");

// The gateway and two subgraphs as processes of their own, exporting traces to a local OTLP endpoint;
// the uwv subgraph is not running (a request needing it makes the gateway log an error line).
describe("OpenTelemetry traces and Prometheus metrics across processes", () => {
  const receiver = otlpReceiver();
  let db: TestDatabase | undefined;
  let dir: string;
  const services: ServiceProcess[] = [];
  let gateway: ServiceProcess;

  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.server.listen(0, "127.0.0.1", resolve));
    const endpoint = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
    dir = mkdtempSync(path.join(tmpdir(), "telemetry-"));
    db = postgres ? await postgres.fresh() : undefined;
    const env = {
      ...(db?.location.kind === "postgresql" ? { DATABASE_URL: db.location.url } : { DATA_DIR: dir }),
      SYNTHETIC_DATA: "off",
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_BSP_SCHEDULE_DELAY: "50",
    };
    const [reference, municipal] = await Promise.all([
      startSubgraphProcess("reference", env),
      startSubgraphProcess("municipal", env),
    ]);
    services.push(reference, municipal);
    gateway = await startGatewayProcess({
      ...env,
      REFERENCE_URL: reference.url,
      MUNICIPAL_URL: municipal.url,
      UWV_URL: "http://127.0.0.1:9/graphql",
    });
    services.push(gateway);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    receiver.server.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (query: string, traceId: string) =>
    fetch(gateway.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        // the caller's trace: the gateway continues it
        traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01`,
      },
      body: JSON.stringify({ query }),
    });

  it("puts the gateway's, the subgraphs' and the database's spans of one request in one trace", async () => {
    const traceId = randomBytes(16).toString("hex");
    const res = await post(
      `query Groningen { municipality(code: "GM0014") { name buig(year: 2017) { budget { value } } } }`,
      traceId,
    );
    const body = (await res.json()) as { data?: any; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.municipality.name).toBe("Groningen");

    // spans arrive in batches: wait for them (bounded)
    const inTrace = () => receiver.spans.filter((span) => span.traceId === traceId);
    const complete = (spans: Span[]) =>
      ["nl-work-graph-gateway", "nl-work-graph-reference", "nl-work-graph-municipal"].every((service) =>
        spans.some((span) => span.service === service),
      ) && spans.some((span) => span.service === "nl-work-graph-municipal" && span.name.startsWith("prisma:"));
    const deadline = Date.now() + 15_000;
    while (!complete(inTrace()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const spans = inTrace();
    expect(complete(spans), JSON.stringify(spans.map((s) => [s.service, s.name]))).toBe(true);

    // each subgraph's request span is the child of a gateway span: the trace went over HTTP
    const ids = new Map(spans.map((span) => [span.spanId, span]));
    for (const service of ["nl-work-graph-reference", "nl-work-graph-municipal"]) {
      const server = spans.find((span) => span.service === service && span.name.startsWith("graphql"));
      expect(server, service).toBeDefined();
      expect(ids.get(server!.parentSpanId!)?.service).toBe("nl-work-graph-gateway");
    }
    // and the SQL below the subgraph's request
    const sql = spans.find((span) => span.service === "nl-work-graph-municipal" && span.name.includes("db_query"));
    expect(sql, JSON.stringify(spans.map((s) => s.name))).toBeDefined();
    let ancestor: Span | undefined = sql;
    while (ancestor && ancestor.service === "nl-work-graph-municipal") ancestor = ids.get(ancestor.parentSpanId!);
    expect(ancestor?.service).toBe("nl-work-graph-gateway");
  });

  it("writes the trace id on the log lines of a request", async () => {
    const traceId = randomBytes(16).toString("hex");
    const res = await post(`{ labourMarketRegion(code: "AM01") { name jobAgreement(year: 2021) { jobs } } }`, traceId);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe("SUBGRAPH_UNAVAILABLE");
    const deadline = Date.now() + 5_000;
    const lines = () =>
      gateway
        .output()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as { traceId?: string; requestId?: string });
    while (!lines().some((line) => line.traceId === traceId) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const line = lines().find((entry) => entry.traceId === traceId);
    expect(line, gateway.output()).toBeDefined();
    expect(line!.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("serves Prometheus metrics on the gateway and on each subgraph", async () => {
    const gatewayMetrics = await (await fetch(new URL("/metrics", gateway.url))).text();
    expect(gatewayMetrics).toMatch(/^graphql_envelop_request_duration_bucket\{.*operationName="Groningen"/m);
    expect(gatewayMetrics).toMatch(/^graphql_gateway_subgraph_execute_duration_bucket\{.*subgraphName="municipal"/m);
    expect(gatewayMetrics).toMatch(/^graphql_gateway_fetch_duration_bucket/m);
    // no internal address in what the public port serves
    expect(gatewayMetrics).not.toMatch(/127\.0\.0\.1|localhost/);
    expect(gatewayMetrics).toMatch(/^graphql_envelop_error_result\{.*code="SUBGRAPH_UNAVAILABLE"/m);
    expect(gatewayMetrics).toMatch(/^process_cpu_seconds_total/m);
    for (const subgraph of services.slice(0, 2)) {
      const text = await (await fetch(new URL("/metrics", subgraph.url))).text();
      expect(text).toMatch(/^graphql_subgraph_request_duration_seconds_bucket\{/m);
      expect(text).toMatch(/^nlwg_data_cache_lookups_total\{result="miss"/m);
      if (postgres) expect(text).toMatch(/^nlwg_db_pool_connections\{state="total"/m);
    }
  });
});
