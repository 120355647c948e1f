import type { Database } from "../../db/database.ts";
import { createMunicipalLoaders, type MunicipalLoaders } from "./loaders.ts";

export interface Context {
  loaders: MunicipalLoaders;
}

/** One context per request: fresh DataLoaders, so nothing is cached across requests. */
export function createContext(db: Database): Context {
  return { loaders: createMunicipalLoaders(db.prisma) };
}
