import type { SubgraphModule } from "../subgraph.ts";
import { createContext } from "./context.ts";
import { resolvers } from "./resolvers.ts";
import { seedUwv } from "./seed.ts";
import { storeSyntheticUwv } from "./synthetic.ts";

export const uwvSubgraph: SubgraphModule = {
  name: "uwv",
  resolvers,
  createContext,
  seed: seedUwv,
  seedSynthetic: storeSyntheticUwv,
};
