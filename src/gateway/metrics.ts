// The gateway's Prometheus metrics at GET /metrics, by Hive Gateway's Prometheus plugin
// (@graphql-mesh/plugin-prometheus): HTTP requests, operations and their latency by operation, errors
// by phase and code, each subgraph's execution latency and errors, and the latency of each call to a
// subgraph; besides them the response cache's hits and misses and the process's own metrics.
// Only counters and histograms are kept per request; nothing is computed until Prometheus scrapes.
import type { Logger } from "@graphql-hive/logger";
import type { KeyValueCache } from "@graphql-mesh/types";
import usePrometheus, { createCounter, createHistogram } from "@graphql-mesh/plugin-prometheus";
import { Counter, Registry } from "prom-client";
import { processMetrics } from "../common/metrics.ts";

export const METRICS_PATH = "/metrics";

interface FetchLabelParams {
  options: { method?: string };
  response: Response;
}

export interface GatewayMetrics {
  registry: Registry;
  plugin: ReturnType<typeof usePrometheus>;
  /** counts the response cache's lookups: a get that finds an entry is a hit */
  countLookups<C extends KeyValueCache>(cache: C): C;
}

export function gatewayMetrics(log: Logger): GatewayMetrics {
  // one registry per gateway (tests run several in one process), with the process's metrics in it
  const registry = Registry.merge([processMetrics()]);
  const lookups = new Counter({
    name: "graphql_gateway_response_cache_lookups_total",
    help: "Lookups in the response cache: hit (answered from the cache) or miss",
    labelNames: ["result"],
    registers: [registry],
  });
  const plugin = usePrometheus({
    log,
    endpoint: METRICS_PATH,
    registry,
    // the request's URL would be a label of the HTTP histogram: unbounded (a GET's query string) and
    // an address; the path is always /graphql
    labels: { url: false },
    metrics: {
      graphql_yoga_http_duration: true,
      graphql_envelop_request: true,
      graphql_envelop_request_duration: true,
      // errors with their code (the plugin's own counter has the phase and path, not the code)
      graphql_envelop_error_result: createCounter({
        registry,
        counter: {
          name: "graphql_envelop_error_result",
          help: "GraphQL errors in answers, by phase and code",
          labelNames: ["operationType", "operationName", "phase", "code"],
        },
        fillLabelsFn: (params) => ({
          operationType: params.operationType ?? "",
          operationName: params.operationName ?? "",
          phase: params.errorPhase ?? "",
          code: String(params.error?.extensions?.code ?? "INTERNAL_SERVER_ERROR"),
        }),
      }),
      graphql_gateway_subgraph_execute_duration: true,
      graphql_gateway_subgraph_execute_errors: true,
      // the plugin's own labels each call with its URL (an internal address, not for a public
      // endpoint) and throws on a fetch without a method (the supergraph's, from a URL): latency per
      // subgraph is graphql_gateway_subgraph_execute_duration; this one by method and status only
      graphql_gateway_fetch_duration: createHistogram({
        registry,
        histogram: {
          name: "graphql_gateway_fetch_duration",
          help: "Time spent on outgoing HTTP calls",
          labelNames: ["method", "statusCode"],
        },
        fillLabelsFn: ({ options, response }: FetchLabelParams) => ({
          method: options.method ?? "GET",
          statusCode: response.status,
        }),
      }),
      // each of these costs a walk of the document or a summary per request: off
      graphql_envelop_deprecated_field: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_execute_resolver: false,
      graphql_envelop_schema_change: false,
    },
  });
  return {
    registry,
    plugin,
    countLookups(cache) {
      const get = cache.get.bind(cache);
      return Object.assign(Object.create(cache) as typeof cache, {
        get: async (key: string) => {
          const value = await get(key);
          lookups.inc({ result: value === undefined || value === null ? "miss" : "hit" });
          return value;
        },
      });
    },
  };
}
