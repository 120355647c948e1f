// The subgraphs' side of a start: their databases opened, migrated and seeded, and their servers.
// Kept apart from the gateway so that a thread or process running only the subgraphs loads only them.
import { openDatabaseServer, type Database, type DatabaseLocation, type DatabaseServer } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";
import { SUBGRAPHS } from "./registry.ts";
import { startSubgraphServer, type RunningSubgraph } from "./server.ts";
import type { SubgraphName } from "./subgraph.ts";
import type { SyncCounts } from "../common/sync.ts";
import { DEFAULT_SYNTHETIC } from "../common/synthetic.ts";
import { loadedFingerprint, officialFingerprint, recordLoaded, seedStateTable } from "../common/seed-state.ts";

export type Log = (message: string) => void;

/** Open database servers, one per distinct location, shared by the subgraphs that use it. */
export class DatabasePool {
  private readonly servers = new Map<string, Promise<DatabaseServer>>();

  async client(location: DatabaseLocation): Promise<Database> {
    const key = location.kind === "postgresql" ? `pg:${location.url}` : `pglite:${location.dataDir ?? ":memory:"}`;
    let server = this.servers.get(key);
    if (!server) {
      server = openDatabaseServer(location);
      this.servers.set(key, server);
    }
    return (await server).client();
  }

  async close(): Promise<void> {
    const servers = await Promise.allSettled(this.servers.values());
    this.servers.clear();
    await Promise.all(servers.map((s) => (s.status === "fulfilled" ? s.value.close() : undefined)));
  }
}

/**
 * Applies the subgraph's migrations and loads its default data, only what is missing: the official
 * data when the datasets changed since it was loaded, the synthetic figures when there are none yet
 * (never over figures imported or generated since). A warm start writes nothing.
 */
export async function prepareSubgraphDatabase(
  name: SubgraphName,
  db: Database,
  log: Log,
  synthetic: { seed: number; years: number[] } | null = DEFAULT_SYNTHETIC,
): Promise<{ migrations: string[]; seeded: SyncCounts }> {
  const { applied } = await migrate(db.server, name);
  if (applied.length > 0) log(`${name}: applied migrations ${applied.join(", ")}`);
  const module = SUBGRAPHS[name];
  const state = seedStateTable(db, name);
  let seeded: SyncCounts = { inserted: 0, updated: 0, unchanged: 0 };
  let changed = applied.length > 0;
  if ((await loadedFingerprint(state, "official")) !== officialFingerprint()) {
    seeded = await module.seed(db);
    await recordLoaded(state, "official", officialFingerprint());
    changed ||= seeded.inserted + seeded.updated > 0;
    if (seeded.inserted + seeded.updated > 0) {
      log(`${name}: loaded official data (${seeded.inserted} rows inserted, ${seeded.updated} updated)`);
    }
  }
  if (synthetic && module.seedSynthetic && (await loadedFingerprint(state, "synthetic")) === null) {
    const generated = await module.seedSynthetic(db, synthetic);
    await recordSynthetic(name, db, synthetic);
    if (generated.inserted + generated.updated > 0) {
      changed = true;
      log(
        `${name}: loaded SYNTHETIC figures, seed ${synthetic.seed}, ${synthetic.years[0]}–${synthetic.years.at(-1)} (${generated.inserted} rows inserted, ${generated.updated} updated)`,
      );
    }
  }
  // another process serving the same database (a replica, a running server) must not keep stale reads
  if (changed) await db.announceChange();
  return { migrations: applied, seeded };
}

/** Notes that synthetic figures of a seed are loaded, so that a start does not load its own over them. */
export function recordSynthetic(name: SubgraphName, db: Database, scale: { seed: number; years: number[] }) {
  return recordLoaded(
    seedStateTable(db, name),
    "synthetic",
    `seed ${scale.seed}, ${scale.years[0]}–${scale.years.at(-1)}`,
  );
}

export interface SubgraphsOptions {
  databases: Record<SubgraphName, DatabaseLocation>;
  host: string;
  subgraphPorts: Record<SubgraphName, number>;
  /** synthetic figures to load beside the official ones; null for none */
  synthetic?: { seed: number; years: number[] } | null;
  log?: Log;
  /** shared with the gateway, which signs the viewer's claims with it */
  signingSecret?: string | null;
  /** Prometheus metrics at /metrics on each subgraph (default true) */
  metrics?: boolean;
}

export interface RunningSubgraphs {
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  databases: Record<SubgraphName, Database>;
  /** each subgraph's GraphQL endpoint, for the gateway */
  urls: Record<SubgraphName, string>;
  stop(): Promise<void>;
}

/** The databases, prepared, and the three subgraphs over them (in this thread). */
export async function startSubgraphs(options: SubgraphsOptions): Promise<RunningSubgraphs> {
  const log = options.log ?? ((message: string) => console.log(message));
  const pool = new DatabasePool();
  const started: RunningSubgraph[] = [];
  const stop = async () => {
    await Promise.allSettled(started.map((s) => s.stop()));
    await pool.close();
  };
  try {
    const names = Object.keys(SUBGRAPHS) as SubgraphName[];
    const databases = {} as Record<SubgraphName, Database>;
    for (const name of names) {
      databases[name] = await pool.client(options.databases[name]);
      await prepareSubgraphDatabase(
        name,
        databases[name],
        log,
        options.synthetic === undefined ? DEFAULT_SYNTHETIC : options.synthetic,
      );
    }
    const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
    for (const name of names) {
      subgraphs[name] = await startSubgraphServer(SUBGRAPHS[name], databases[name], {
        port: options.subgraphPorts[name],
        host: options.host,
        signingSecret: options.signingSecret ?? null,
        ...(options.metrics === false ? { metrics: false } : {}),
      });
      started.push(subgraphs[name]);
    }
    const urls = Object.fromEntries(names.map((name) => [name, subgraphs[name].url])) as Record<SubgraphName, string>;
    return { subgraphs, databases, urls, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
