// Bench child: the three subgraphs in one process over the given database. Reports its URLs and,
// when asked, the SQL statements each subgraph has sent.
import { DatabasePool, prepareSubgraphDatabase, DEFAULT_SYNTHETIC } from "../../src/app.ts";
import type { DatabaseLocation } from "../../src/db/database.ts";
import { SUBGRAPHS } from "../../src/subgraphs/registry.ts";
import { startSubgraphServer } from "../../src/subgraphs/server.ts";
import { SUBGRAPH_NAMES } from "../../src/subgraphs/subgraph.ts";

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
  if (message.type === "sql") {
    process.send!({ type: "sql", counts: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, dbs[n]!.stats.queries])) });
  }
});
process.send!({ type: "ready", urls });
