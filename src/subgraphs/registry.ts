import { municipalSubgraph } from "./municipal/index.ts";
import { referenceSubgraph } from "./reference/index.ts";
import type { SubgraphModule, SubgraphName } from "./subgraph.ts";
import { uwvSubgraph } from "./uwv/index.ts";

export const SUBGRAPHS: Record<SubgraphName, SubgraphModule> = {
  reference: referenceSubgraph,
  municipal: municipalSubgraph,
  uwv: uwvSubgraph,
};
