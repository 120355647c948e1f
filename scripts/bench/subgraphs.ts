// Bench child: the three subgraphs in one process over the bench database, the product's code from
// dist/ when built. Reports its URLs and the synthetic years; when asked, how many SQL statements the
// subgraphs have sent and how many requests they have received.
import { subscribe } from "node:diagnostics_channel";
import type { DatabaseLocation } from "../../src/db/database.ts";
import { importProduct } from "./product.ts";

type Start = typeof import("../../src/subgraphs/start.ts");
type Synthetic = typeof import("../../src/common/synthetic.ts");
type Registry = typeof import("../../src/subgraphs/registry.ts");
type Server = typeof import("../../src/subgraphs/server.ts");
type Subgraph = typeof import("../../src/subgraphs/subgraph.ts");

const { DatabasePool, prepareSubgraphDatabase } = await importProduct<Start>("subgraphs/start");
const { DEFAULT_SYNTHETIC } = await importProduct<Synthetic>("common/synthetic");
const { SUBGRAPHS } = await importProduct<Registry>("subgraphs/registry");
const { startSubgraphServer } = await importProduct<Server>("subgraphs/server");
const { SUBGRAPH_NAMES } = await importProduct<Subgraph>("subgraphs/subgraph");

let requests = 0;
subscribe("http.server.request.start", () => {
  requests += 1;
});

const location = JSON.parse(process.env.BENCH_DATABASE!) as DatabaseLocation;
const pool = new DatabasePool();
const dbs = Object.fromEntries(
  await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await pool.client(location)] as const)),
);
for (const name of SUBGRAPH_NAMES) await prepareSubgraphDatabase(name, dbs[name]!, () => {}, DEFAULT_SYNTHETIC);
const urls: Record<string, string> = {};
for (const name of SUBGRAPH_NAMES) {
  urls[name] = (
    await startSubgraphServer(SUBGRAPHS[name], dbs[name]!, { port: 0, host: "127.0.0.1", log: () => {} })
  ).url;
}
process.on("message", (message: { type: string }) => {
  if (message.type !== "counters") return;
  const sql = SUBGRAPH_NAMES.reduce((sum, name) => sum + dbs[name]!.stats.queries, 0);
  process.send!({ type: "counters", sql, requests });
});
process.send!({ type: "ready", urls, years: DEFAULT_SYNTHETIC.years });
