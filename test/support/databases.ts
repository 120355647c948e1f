import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import type { DatabaseLocation } from "../../src/db/database.ts";

/**
 * The database backends every database test runs on: PGlite always; PostgreSQL too when
 * DATABASE_URL is set (as in CI). Each test gets its own fresh database, so runs cannot collide.
 */
export interface Backend {
  name: "pglite" | "postgresql";
  /** a fresh empty database */
  fresh(): Promise<TestDatabase>;
  /** a fresh database already migrated and seeded with the default data */
  seeded(): Promise<TestDatabase>;
}

export interface TestDatabase {
  location: DatabaseLocation;
  /** a PGlite dump to start from (PGlite only) */
  template?: Blob;
  drop(): Promise<void>;
}

// PGlite dumps made once by global-setup.ts: a fresh instance loads one in under a second, where
// creating a database from nothing takes several.
const dumps = new Map<string, Blob>();
const dump = (name: "pgliteTemplate" | "pgliteEmpty") => {
  if (!dumps.has(name)) dumps.set(name, new Blob([readFileSync(inject(name))]));
  return dumps.get(name)!;
};
const template = () => dump("pgliteTemplate");

const pglite: Backend = {
  name: "pglite",
  fresh: async () => ({
    location: { kind: "pglite", dataDir: null, template: dump("pgliteEmpty") },
    drop: async () => {},
  }),
  seeded: async () => ({
    location: { kind: "pglite", dataDir: null, template: template() },
    template: template(),
    drop: async () => {},
  }),
};

function postgres(adminUrl: string): Backend {
  const fresh = async (): Promise<TestDatabase> => {
    const name = `t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      location: { kind: "postgresql", url: url.toString() },
      async drop() {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        try {
          await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await client.end();
        }
      },
    };
  };
  return {
    name: "postgresql",
    fresh,
    // migrated and seeded by the stack itself on start (the same code path as `npm start`)
    seeded: fresh,
  };
}

export const BACKENDS: Backend[] = process.env.DATABASE_URL ? [pglite, postgres(process.env.DATABASE_URL)] : [pglite];
