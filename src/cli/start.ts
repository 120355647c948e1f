// npm start: embedded database (or DATABASE_URL), the three subgraphs and the gateway, in one process.
import "./own-signals.ts"; // first: before any library registers signal handlers
import { DEFAULT_SYNTHETIC, startStack } from "../app.ts";
import {
  databaseLocation,
  jwtConfig,
  persistedDocuments,
  readEnv,
  responseCache,
  signingSecret,
  subgraphPort,
} from "../config.ts";
import { SUPERGRAPH_FILE } from "../federation/supergraph-file.ts";
import { SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs/subgraph.ts";
import { exitOnSignals } from "./signals.ts";

const began = performance.now();
const env = readEnv();
const perSubgraph = <T>(f: (name: SubgraphName) => T) =>
  Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, f(name)])) as Record<SubgraphName, T>;

const databases = perSubgraph((name) => databaseLocation(env, name));
const embedded = Object.values(databases).some((location) => location.kind === "pglite");
console.log(embedded ? `database: embedded PGlite in ${env.DATA_DIR}/pglite` : "database: PostgreSQL (DATABASE_URL)");

const stack = await startStack({
  databases,
  host: env.HOST,
  gatewayPort: env.PORT,
  subgraphPorts: perSubgraph((name) => subgraphPort(env, name)),
  supergraph: env.SUPERGRAPH ?? SUPERGRAPH_FILE,
  synthetic: env.SYNTHETIC_DATA === "on" ? DEFAULT_SYNTHETIC : null,
  persistedDocuments: persistedDocuments(env),
  auth: { jwt: jwtConfig(env), signingSecret: signingSecret(env) },
  responseCache: responseCache(env),
});
for (const name of SUBGRAPH_NAMES) console.log(`subgraph ${name}: ${stack.subgraphs[name].url}`);
console.log(
  `\nGraphiQL and the GraphQL endpoint: ${stack.gateway.url}  (ready in ${Math.round(performance.now() - began)} ms)`,
);
exitOnSignals(() => stack.stop());
