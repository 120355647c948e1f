import type { Viewer } from "../../auth/claims.ts";
import type { Database } from "../../db/database.ts";
import { loadReferenceCatalog, type ReferenceCatalog } from "./catalog.ts";

export interface Context {
  /** who is asking, from the gateway's signed claims; null for anonymous reads */
  viewer: Viewer | null;
  /** the database, for writes (reads go through the catalog) */
  db: Database;
  /** the reference data in memory, read on first use in the request */
  catalog(): Promise<ReferenceCatalog>;
}

/** One context per request: the catalog is read at most once per request. */
export function createContext(db: Database, viewer: Viewer | null = null): Context {
  let catalog: Promise<ReferenceCatalog> | null = null;
  return { viewer, db, catalog: () => (catalog ??= loadReferenceCatalog(db.prisma)) };
}
