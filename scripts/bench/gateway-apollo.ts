// Bench child: Apollo Gateway inside Apollo Server, at its defaults in both scenarios (it has no
// in-flight de-duplication and no response cache unless configured).
import { readFileSync } from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { peerConfig, ready } from "./peer-config.ts";

// Apollo Gateway otherwise reports usage data to Apollo and, to describe the host, probes the cloud
// providers' metadata addresses (169.254.169.254): nothing may leave this machine, and it costs CPU
process.env.APOLLO_TELEMETRY_DISABLED = "true";
const config = peerConfig();
const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(config.supergraph, "utf8"),
  buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: config.subgraphs[name] ?? url }),
  logger: { debug() {}, info() {}, warn() {}, error: (m: unknown) => console.error(m) },
});
const server = new ApolloServer({ gateway, plugins: [ApolloServerPluginLandingPageDisabled()] });
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
ready(url.replace(/\/$/, "") + "/graphql");
