import type { SubgraphModule } from "../subgraph.ts";
import { createContext } from "./context.ts";
import { resolvers } from "./resolvers.ts";
import { seedReference } from "./seed.ts";

export const referenceSubgraph: SubgraphModule = {
  name: "reference",
  resolvers,
  createContext,
  seed: (db) => seedReference(db),
};
