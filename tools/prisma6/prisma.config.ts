// Prisma 6 CLI config for authoring migrations offline: its WASM schema engine ("js") talks to the
// database through a driver adapter; the shadow database is a fresh in-memory PGlite.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PrismaConfig } from "prisma";

process.env.CHECKPOINT_DISABLE ??= "1";

// PGlite's `query` refuses several statements in one string; migration.sql files have many.
function withMultiStatementExecute(db: PGlite): PGlite {
  const query = db.query.bind(db);
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "query") return Reflect.get(target, prop, receiver);
      return async (sql: string, params?: unknown[], options?: unknown) => {
        if (params && params.length > 0) return query(sql, params, options as never);
        const results = await target.exec(sql);
        const last = results.at(-1);
        return last ?? { rows: [], fields: [], affectedRows: 0 };
      };
    },
  });
}

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: process.env.PRISMA6_SCHEMA ?? "schema.prisma",
  async adapter() {
    return new PrismaPGlite(withMultiStatementExecute(new PGlite()));
  },
} satisfies PrismaConfig;
