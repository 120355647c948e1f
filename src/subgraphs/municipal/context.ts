import type { Viewer } from "../../auth/claims.ts";
import type { Database } from "../../db/database.ts";
import { createMunicipalLoaders, type MunicipalLoaders } from "./loaders.ts";

export interface Context {
  /** who is asking, from the gateway's signed claims; null for anonymous reads */
  viewer: Viewer | null;
  /** the database, for writes (reads go through the loaders) */
  db: Database;
  loaders: MunicipalLoaders;
}

/** One context per request: fresh DataLoaders, so nothing is cached across requests. */
export function createContext(db: Database, viewer: Viewer | null = null): Context {
  return { viewer, db, loaders: createMunicipalLoaders(db) };
}
