// Prisma 6 CLI config for authoring migrations offline: its WASM schema engine ("js") talks to the
// database through a driver adapter; the shadow database is a fresh in-memory PGlite.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PrismaConfig } from "prisma";

process.env.CHECKPOINT_DISABLE ??= "1";

// PGlite's `query` refuses several statements in one string, which is what a migration.sql is:
// such a script, sent without parameters, is run with `exec` instead.
function withMultiStatementExecute(db: PGlite): PGlite {
  const query = db.query.bind(db);
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "query") return Reflect.get(target, prop, receiver);
      return async (sql: string, params?: unknown[], options?: unknown) => {
        try {
          return await query(sql, params, options as never);
        } catch (error) {
          const multiple = error instanceof Error && /multiple commands into a prepared statement/.test(error.message);
          if (!multiple || (params && params.length > 0)) throw error;
          const results = await target.exec(sql);
          return results.at(-1) ?? { rows: [], fields: [], affectedRows: 0 };
        }
      };
    },
  });
}

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: process.env.PRISMA6_SCHEMA ?? "schema.prisma",
  async adapter() {
    const main = new PrismaPGlite(withMultiStatementExecute(new PGlite()));
    return {
      provider: main.provider,
      adapterName: main.adapterName,
      connect: () => main.connect(),
      // the adapter's own shadow database would be a plain PGlite, which refuses migration scripts
      connectToShadowDb: () => new PrismaPGlite(withMultiStatementExecute(new PGlite())).connect(),
    };
  },
} satisfies PrismaConfig;
