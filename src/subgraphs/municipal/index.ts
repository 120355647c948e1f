import type { SubgraphModule } from "../subgraph.ts";
import { createContext } from "./context.ts";
import { resolvers } from "./resolvers.ts";
import { seedMunicipal } from "./seed.ts";
import { storeSyntheticMunicipal } from "./synthetic.ts";

export const municipalSubgraph: SubgraphModule = {
  name: "municipal",
  resolvers,
  createContext,
  seed: seedMunicipal,
  seedSynthetic: storeSyntheticMunicipal,
};
