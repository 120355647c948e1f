// A subgraph's Prometheus metrics (GET /metrics): operations and their latency by operation name,
// errors by code (from an Apollo Server plugin), reads answered by the data cache, and the database
// pool. Gauges and cache counts are read only when scraped; a request costs a timer and a counter.
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "../db/database.ts";

export interface SubgraphMetrics {
  registry: Registry;
  plugin: ApolloServerPlugin<BaseContext>;
}

/** Seconds; from a cached read (well under a millisecond) to the subgraph timeout. */
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function subgraphMetrics(subgraph: string, db: Database): SubgraphMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ subgraph });
  const labelNames = ["operation_name", "operation_type"] as const;
  const requests = new Counter({
    name: "graphql_subgraph_requests_total",
    help: "GraphQL operations this subgraph answered",
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "graphql_subgraph_request_duration_seconds",
    help: "Time from receiving a GraphQL operation to its answer",
    labelNames,
    buckets: BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: "graphql_subgraph_errors_total",
    help: "GraphQL errors this subgraph answered, by code",
    labelNames: ["code"],
    registers: [registry],
  });
  new Counter({
    name: "nlwg_data_cache_lookups_total",
    help: "Reads of the subgraph's data cache: hit (no SQL) or miss (read from the database)",
    labelNames: ["result"],
    registers: [registry],
    collect() {
      this.reset();
      this.inc({ result: "hit" }, db.cache.lookups.hits);
      this.inc({ result: "miss" }, db.cache.lookups.misses);
    },
  });
  new Counter({
    name: "nlwg_data_cache_invalidations_total",
    help: "Times the data cache was emptied by a change (here or announced by another process)",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(db.cache.invalidations);
    },
  });
  new Counter({
    name: "nlwg_db_queries_total",
    help: "SQL statements sent by this subgraph",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(db.stats.queries);
    },
  });
  new Gauge({
    name: "nlwg_db_pool_connections",
    help: "PostgreSQL pool connections by state (total, idle, waiting clients, max); absent on embedded PGlite",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const pool = db.server.pool();
      if (!pool) return;
      for (const [state, value] of Object.entries(pool)) this.set({ state }, value);
    },
  });

  const plugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart() {
      const began = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors: found }) {
          for (const error of found) errors.inc({ code: String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR") });
        },
        async willSendResponse({ operationName, operation }) {
          const labels = { operation_name: operationName ?? "", operation_type: operation?.operation ?? "" };
          requests.inc(labels);
          duration.observe(labels, Number(process.hrtime.bigint() - began) / 1e9);
        },
      };
    },
  };
  return { registry, plugin };
}
