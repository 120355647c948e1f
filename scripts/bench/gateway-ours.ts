// Bench child: OUR gateway as `npm start` runs it (our plugins, limits and persisted documents), from
// dist/ when built. cold: subgraph request de-duplication off, no response cache; portal: the response
// cache in Redis (in memory when Redis does not answer) and de-duplication on.
import { importProduct } from "./product.ts";
import { peerConfig, ready } from "./peer-config.ts";

type Gateway = typeof import("../../src/gateway/gateway.ts");
type Config = typeof import("../../src/config.ts");

const { startGateway } = await importProduct<Gateway>("gateway/gateway");
const { persistedDocuments, readEnv } = await importProduct<Config>("config");
const config = peerConfig();
const portal = config.scenario === "portal";
const gateway = await startGateway({
  supergraph: config.supergraph,
  subgraphUrls: config.subgraphs,
  port: 0,
  host: "127.0.0.1",
  persistedDocuments: persistedDocuments(readEnv({})),
  deduplicateSubgraphRequests: portal,
  // metrics on, as npm start has them, unless the bench runs with METRICS=off
  ...(process.env.METRICS === "off" ? { metrics: false } : {}),
  ...(portal
    ? {
        responseCache: {
          ttlMs: config.cacheTtlSeconds * 1000,
          namespace: config.namespace,
          ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
        },
      }
    : {}),
});
ready(gateway.url);
