// npm run gateway -- [--supergraph <file|url>] [--subgraph name=url …]: the gateway alone, over any
// supergraph (e.g. one that also composes a partner's own subgraph).
import "./own-signals.ts"; // first: before any library registers signal handlers
import { Command, InvalidArgumentError } from "commander";
import { createTokenVerifier } from "../auth/jwt.ts";
import { jwtConfig, persistedDocuments, readEnv, responseCache, subgraphUrlOverrides } from "../config.ts";
import { SUPERGRAPH_FILE } from "../federation/supergraph-file.ts";
import { startGateway } from "../gateway/gateway.ts";
import { checkPortFree } from "../common/http.ts";
import { exitOnSignals, runCommand } from "./signals.ts";
import { startTracing } from "../common/telemetry.ts";

const env = readEnv();
const program = new Command()
  .name("npm run gateway --")
  .description("Run the federation gateway over a supergraph")
  .option("-s, --supergraph <file|url>", "supergraph SDL file or http(s) URL", env.SUPERGRAPH ?? SUPERGRAPH_FILE)
  .option(
    "--subgraph <name=url>",
    "override a subgraph's URL (repeatable); also REFERENCE_URL, MUNICIPAL_URL, UWV_URL",
    (value: string, previous: Record<string, string>) => {
      const match = /^([A-Za-z_][\w-]*)=(https?:\/\/.+)$/.exec(value);
      if (!match) throw new InvalidArgumentError("expected name=http://host:port/graphql");
      return { ...previous, [match[1]!]: match[2]! };
    },
    {} as Record<string, string>,
  )
  .option("-p, --port <port>", "port (default: PORT or 4000)", (value) => {
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError("expected a port number");
    return port;
  })
  .option("--poll <ms>", "when the supergraph is a URL: reload it this often", (value) => Number(value))
  .parse();

const options = program.opts<{ supergraph: string; subgraph: Record<string, string>; port?: number; poll?: number }>();
await runCommand(async () => {
  await checkPortFree(options.port ?? env.PORT, env.HOST, options.port === undefined ? "PORT" : "--port");
  const gateway = await startGateway({
    supergraph: options.supergraph,
    subgraphUrls: { ...subgraphUrlOverrides(env), ...options.subgraph },
    port: options.port ?? env.PORT,
    host: env.HOST,
    ...(options.poll ? { pollingInterval: options.poll } : {}),
    persistedDocuments: persistedDocuments(env),
    cors: { origins: env.CORS_ORIGINS },
    metrics: env.METRICS === "on",
    ...(responseCache(env) ? { responseCache: responseCache(env)! } : {}),
    ...(jwtConfig(env) && env.SUBGRAPH_SIGNING_SECRET
      ? { auth: { verify: createTokenVerifier(jwtConfig(env)!), signingSecret: env.SUBGRAPH_SIGNING_SECRET } }
      : {}),
  });
  console.log(`gateway over ${options.supergraph}\nGraphiQL and the GraphQL endpoint: ${gateway.url}`);
  exitOnSignals(async () => {
    await gateway.stop();
    await (await startTracing("nl-work-graph-gateway"))?.shutdown();
  });
});
