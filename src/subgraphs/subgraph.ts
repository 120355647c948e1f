import { readFileSync } from "node:fs";
import path from "node:path";
import { parse, type DocumentNode } from "graphql";
import type { Viewer } from "../auth/claims.ts";
import type { Database } from "../db/database.ts";
import type { SyncCounts } from "../common/sync.ts";
import { projectFile } from "../common/project-root.ts";

/** What synthetic data to generate: a seed, the years, and optionally only the first n municipalities. */
export interface SyntheticScale {
  seed: number;
  years: number[];
  municipalities?: number;
}

export const SUBGRAPH_NAMES = ["reference", "municipal", "uwv"] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** What a subgraph folder exports: its resolvers, its per-request context and its default data. */
export interface SubgraphModule {
  name: SubgraphName;
  // Resolver maps are typed per subgraph by codegen; here only their presence matters.
  resolvers: any;
  /** the request's context: fresh DataLoaders, and who is asking (null: anonymous) */
  createContext(db: Database, viewer: Viewer | null): object;
  /** Loads the subgraph's default (official) data; idempotent. */
  seed(db: Database): Promise<SyncCounts>;
  /** Loads deterministic SYNTHETIC figures beside the official ones, never over real ones; idempotent. */
  seedSynthetic?(db: Database, options: SyntheticScale): Promise<SyncCounts>;
}

export const SCHEMA_DIR = projectFile("schema");

export function subgraphTypeDefs(name: SubgraphName): DocumentNode {
  return parse(readFileSync(path.join(SCHEMA_DIR, `${name}.graphql`), "utf8"));
}

export function isSubgraphName(name: string): name is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(name);
}
