// Run by `npm run build` (and so by `npm install`): makes the embedded database's template (see
// db/template.ts) when the data or the migrations changed since it was made.
import { DEFAULT_SYNTHETIC } from "../common/synthetic.ts";
import { prepareSubgraphDatabase } from "../subgraphs/start.ts";
import { openDatabaseServer } from "../db/database.ts";
import { isTemplateCurrent, TEMPLATE_FILE, writeTemplate } from "../db/template.ts";
import { SUBGRAPH_NAMES } from "../subgraphs/subgraph.ts";

if (process.argv.includes("--if-stale") && isTemplateCurrent(DEFAULT_SYNTHETIC)) process.exit(0);
const began = performance.now();
const server = await openDatabaseServer({ kind: "pglite", dataDir: null });
try {
  for (const name of SUBGRAPH_NAMES) await prepareSubgraphDatabase(name, server.client(), () => {}, DEFAULT_SYNTHETIC);
  const dump = await server.pglite!.dumpDataDir("gzip");
  writeTemplate(dump, Buffer.from(await dump.arrayBuffer()), DEFAULT_SYNTHETIC);
  console.log(
    `build: ${TEMPLATE_FILE} (the embedded database after a first start, ${Math.round(dump.size / 1024)} KiB) in ${Math.round(performance.now() - began)} ms`,
  );
} finally {
  await server.close();
}
