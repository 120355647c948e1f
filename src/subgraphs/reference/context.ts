import type { Database } from "../../db/database.ts";
import { createReferenceLoaders, type ReferenceLoaders } from "./loaders.ts";
import { referenceRepository } from "./repository.ts";

export interface Context {
  loaders: ReferenceLoaders;
}

/** One context per request: fresh DataLoaders, so nothing is cached across requests. */
export function createContext(db: Database): Context {
  return { loaders: createReferenceLoaders(referenceRepository(db.prisma)) };
}
