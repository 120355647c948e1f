// Bench child: this project's gateway (Hive Gateway runtime, Rust query planner), subgraph request
// de-duplication off so every request does its own work.
import { startGateway } from "../../src/gateway/gateway.ts";
import { SUPERGRAPH_FILE } from "../../src/federation/supergraph-file.ts";
import { reportUsage } from "./usage.ts";

const gateway = await startGateway({
  supergraph: SUPERGRAPH_FILE,
  subgraphUrls: JSON.parse(process.env.BENCH_SUBGRAPHS!),
  port: 0,
  host: "127.0.0.1",
  logging: false,
  deduplicateSubgraphRequests: false,
});
reportUsage();
process.send!({ type: "ready", url: gateway.url });
