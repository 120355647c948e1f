// npm run subgraph -- <reference|municipal|uwv> [--port N]: one subgraph alone, as its owner would
// deploy it. Embedded PGlite lives in DATA_DIR/pglite-<name>, apart from `npm start`'s database.
import "./own-signals.ts"; // first: before any library registers signal handlers
import { Command, InvalidArgumentError } from "commander";
import { DEFAULT_SYNTHETIC } from "../common/synthetic.ts";
import { DatabasePool, prepareSubgraphDatabase } from "../subgraphs/start.ts";
import { databaseLocation, readEnv, subgraphPort } from "../config.ts";
import { SUBGRAPHS } from "../subgraphs/registry.ts";
import { startSubgraphServer } from "../subgraphs/server.ts";
import { SUBGRAPH_NAMES, isSubgraphName } from "../subgraphs/subgraph.ts";
import { checkPortFree } from "../common/http.ts";
import { exitOnSignals, runCommand } from "./signals.ts";
import { startTracing } from "../common/telemetry.ts";

const program = new Command()
  .name("npm run subgraph --")
  .description("Run one subgraph on its own")
  .argument("<name>", `subgraph: ${SUBGRAPH_NAMES.join(", ")}`, (value) => {
    if (!isSubgraphName(value)) throw new InvalidArgumentError(`expected one of ${SUBGRAPH_NAMES.join(", ")}`);
    return value;
  })
  .option("-p, --port <port>", "port (default: <NAME>_PORT, or 4001/4002/4003)", (value) => {
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError("expected a port number");
    return port;
  })
  .parse();

const name = program.processedArgs[0] as (typeof SUBGRAPH_NAMES)[number];
await runCommand(async () => {
  const env = readEnv();
  const port = program.opts<{ port?: number }>().port ?? subgraphPort(env, name);
  // the port first: a busy one is reported before the database is opened or written
  await checkPortFree(port, env.HOST, program.opts().port === undefined ? `${name.toUpperCase()}_PORT` : "--port");
  // before the database opens: its queries are traced too
  const tracing = await startTracing(`nl-work-graph-${name}`);
  const pool = new DatabasePool();
  const db = await pool.client(databaseLocation(env, name, `pglite-${name}`));
  await prepareSubgraphDatabase(name, db, console.log, env.SYNTHETIC_DATA === "on" ? DEFAULT_SYNTHETIC : null);
  const running = await startSubgraphServer(SUBGRAPHS[name], db, {
    port,
    host: env.HOST,
    // without the gateway's secret the subgraph serves reads only
    signingSecret: env.SUBGRAPH_SIGNING_SECRET ?? null,
    metrics: env.METRICS === "on",
  });
  console.log(`subgraph ${name}: ${running.url}`);
  exitOnSignals(async () => {
    await running.stop();
    await pool.close();
    await tracing?.shutdown();
  });
});
