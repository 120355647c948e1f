import type { SubgraphName } from "../subgraphs/subgraph.ts";

/** Where the committed supergraph says each subgraph runs; the gateway can override every URL. */
export const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = { reference: 4001, municipal: 4002, uwv: 4003 };
export const defaultSubgraphUrl = (name: SubgraphName) => `http://localhost:${DEFAULT_SUBGRAPH_PORTS[name]}/graphql`;
