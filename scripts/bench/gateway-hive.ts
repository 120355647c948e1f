// Bench child: bare Hive Gateway with the Rust query planner, none of our plugins or limits. cold:
// in-flight de-duplication off; portal: its defaults (de-duplication on, no response cache).
import http from "node:http";
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import { peerConfig, ready } from "./peer-config.ts";

const config = peerConfig();
const runtime = createGatewayRuntime({
  supergraph: config.supergraph,
  unifiedGraphHandler,
  logging: false,
  transportEntries: {
    ...(config.scenario === "cold" ? { "*.http": { options: { deduplicateInflightRequests: false } } } : {}),
    ...Object.fromEntries(Object.entries(config.subgraphs).map(([name, location]) => [name, { location }])),
  },
});
const server = http.createServer(runtime);
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as { port: number };
  ready(`http://127.0.0.1:${port}/graphql`);
});
