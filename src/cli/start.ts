// npm start: embedded database (or DATABASE_URL), the three subgraphs and the gateway, in one process:
// the subgraphs in a worker thread and the gateway in the main one (START_THREADS=1: one thread).
import "./own-signals.ts"; // first: before any library registers signal handlers
import type { StackOptions } from "../app.ts";
import { DEFAULT_SYNTHETIC } from "../common/synthetic.ts";
import {
  startLocation,
  jwtConfig,
  persistedDocuments,
  readEnv,
  responseCache,
  signingSecret,
  subgraphPort,
} from "../config.ts";
import { SUPERGRAPH_FILE } from "../federation/supergraph-file.ts";
import { SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs/subgraph.ts";
import { checkPortFree } from "../common/http.ts";
import { exitOnSignals, runCommand } from "./signals.ts";
import { startTracing } from "../common/telemetry.ts";

await runCommand(async () => {
  const began = performance.now();
  const env = readEnv();
  const perSubgraph = <T>(f: (name: SubgraphName) => T) =>
    Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, f(name)])) as Record<SubgraphName, T>;

  // every port first: a busy one is reported before any database is opened or written
  await checkPortFree(env.PORT, env.HOST, "PORT");
  for (const name of SUBGRAPH_NAMES)
    await checkPortFree(subgraphPort(env, name), env.HOST, `${name.toUpperCase()}_PORT`);

  // gateway and subgraphs in this process share one tracer provider, named for the whole service
  const tracing = await startTracing("nl-work-graph");
  const databases = perSubgraph((name) => startLocation(env, name));
  const embedded = Object.values(databases).some((location) => location.kind === "pglite");
  const fromTemplate = Object.values(databases).some((l) => l.kind === "pglite" && l.template);
  console.log(
    embedded
      ? `database: embedded PGlite in ${env.DATA_DIR}/pglite${fromTemplate ? ", created from the build's template" : ""}`
      : "database: PostgreSQL (DATABASE_URL)",
  );

  const options: StackOptions = {
    databases,
    host: env.HOST,
    gatewayPort: env.PORT,
    subgraphPorts: perSubgraph((name) => subgraphPort(env, name)),
    supergraph: env.SUPERGRAPH ?? SUPERGRAPH_FILE,
    synthetic: env.SYNTHETIC_DATA === "on" ? DEFAULT_SYNTHETIC : null,
    persistedDocuments: persistedDocuments(env),
    auth: { jwt: jwtConfig(env), signingSecret: signingSecret(env) },
    responseCache: responseCache(env),
    cors: { origins: env.CORS_ORIGINS },
    metrics: env.METRICS === "on",
  };
  // loaded as needed: with two threads, this thread never loads the subgraphs' modules
  const stack =
    env.START_THREADS === "2"
      ? await (await import("./two-threads.ts")).startInTwoThreads(options)
      : await (await import("../app.ts")).startStack(options);
  for (const name of SUBGRAPH_NAMES) console.log(`subgraph ${name}: ${stack.subgraphs[name].url}`);
  console.log(
    `\nGraphiQL and the GraphQL endpoint: ${stack.gateway.url}  (ready in ${Math.round(performance.now() - began)} ms)`,
  );
  exitOnSignals(async () => {
    await stack.stop();
    await tracing?.shutdown();
  });
});
