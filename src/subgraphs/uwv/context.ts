import type { Database } from "../../db/database.ts";
import { createFigureLoaders } from "../../shared/official-figures/loaders.ts";

/** One context per request: fresh DataLoaders, so nothing is cached across requests. */
export function createContext(db: Database) {
  return {
    loaders: {
      ...createFigureLoaders({ figures: db.prisma.uwvFigure, sources: db.prisma.uwvSource }),
    },
  };
}

export type Context = ReturnType<typeof createContext>;
