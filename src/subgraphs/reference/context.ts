import type { Viewer } from "../../auth/claims.ts";
import type { Database } from "../../db/database.ts";
import { loadReferenceCatalog, type ReferenceCatalog } from "./catalog.ts";

export interface Context {
  /** who is asking, from the gateway's signed claims; null for anonymous reads */
  viewer: Viewer | null;
  /** the database, for writes (reads go through the catalog) */
  db: Database;
  /** the reference data in memory */
  catalog(): Promise<ReferenceCatalog>;
}

/**
 * One context per request. The catalog is read once per process and kept until the reference data
 * changes (db.cache): it never changes during a request, so every request can share it.
 */
export function createContext(db: Database, viewer: Viewer | null = null): Context {
  return { viewer, db, catalog: () => db.cache.get("catalog", () => loadReferenceCatalog(db.prisma)) };
}
