import type { Scenario } from "./workload.ts";

/** What the bench tells a gateway child (in BENCH_PEER, as JSON). */
export interface PeerConfig {
  scenario: Scenario;
  /** subgraph name → URL */
  subgraphs: Record<string, string>;
  supergraph: string;
  /** portal: where response or entity caches go, when Redis answers */
  redisUrl: string | null;
  /** a prefix for cache keys, new each run, so no run starts with another's cache */
  namespace: string;
  /** how long cached entries live */
  cacheTtlSeconds: number;
}

export const peerConfig = (): PeerConfig => JSON.parse(process.env.BENCH_PEER!) as PeerConfig;

/** Tells the bench where the gateway listens. */
export const ready = (url: string) => process.send!({ type: "ready", url });
