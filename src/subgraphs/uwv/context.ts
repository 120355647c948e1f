import type { Database } from "../../db/database.ts";
import { createUwvLoaders, type UwvLoaders } from "./loaders.ts";

export interface Context {
  loaders: UwvLoaders;
}

/** One context per request: fresh DataLoaders, so nothing is cached across requests. */
export function createContext(db: Database): Context {
  return { loaders: createUwvLoaders(db.prisma) };
}
