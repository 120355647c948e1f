// Bench child: the same supergraph and subgraphs through Apollo Gateway inside Apollo Server, for
// comparison (it does not de-duplicate subgraph requests).
import { readFileSync } from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { SUPERGRAPH_FILE } from "../../src/federation/supergraph-file.ts";
import { reportUsage } from "./usage.ts";

const urls = JSON.parse(process.env.BENCH_SUBGRAPHS!) as Record<string, string>;
const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(SUPERGRAPH_FILE, "utf8"),
  buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: urls[name] ?? url }),
  logger: { debug() {}, info() {}, warn() {}, error: (m: unknown) => console.error(m) },
});
const server = new ApolloServer({ gateway, plugins: [ApolloServerPluginLandingPageDisabled()] });
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
reportUsage();
process.send!({ type: "ready", url: url.replace(/\/$/, "") + "/graphql" });
