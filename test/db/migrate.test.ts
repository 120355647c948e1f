import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabaseServer, type DatabaseServer } from "../../src/db/database.ts";
import { MIGRATIONS_ROOT, migrate } from "../../src/db/migrate.ts";
import { BACKENDS, type TestDatabase } from "../support/databases.ts";

describe.each(BACKENDS)("migration runner ($name)", (backend) => {
  let db: TestDatabase | undefined;
  let server: DatabaseServer | undefined;
  afterEach(async () => {
    await server?.close();
    await db?.drop();
    server = undefined;
    db = undefined;
  });

  const open = async () => {
    db = await backend.fresh();
    server = await openDatabaseServer(db.location);
    return server;
  };

  it("applies every subgraph's migrations into its own schema, then does nothing", async () => {
    const s = await open();
    for (const name of ["reference", "municipal", "uwv"]) {
      const first = await migrate(s, name);
      expect(first.applied.length).toBeGreaterThan(0);
      const again = await migrate(s, name);
      expect(again).toEqual({ applied: [], alreadyApplied: first.applied.length });
    }
    const tables = await s.withSession((q) =>
      q.query<{ table_schema: string; table_name: string }>(
        `SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('reference','municipal','uwv') ORDER BY 1, 2`,
      ),
    );
    const bySchema = (schema: string) => tables.filter((t) => t.table_schema === schema).map((t) => t.table_name);
    expect(bySchema("reference")).toEqual(expect.arrayContaining(["municipality", "population", "_prisma_migrations"]));
    expect(bySchema("municipal")).toEqual(expect.arrayContaining(["official_figure", "source", "_prisma_migrations"]));
    expect(bySchema("uwv")).toEqual(expect.arrayContaining(["official_figure", "source", "_prisma_migrations"]));
  });

  it("refuses to go on when an applied migration was edited", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "migrations-"));
    cpSync(path.join(MIGRATIONS_ROOT, "uwv"), path.join(root, "uwv"), { recursive: true });
    const s = await open();
    await migrate(s, "uwv", root);
    const [first] = await s.withSession((q) =>
      q.query<{ migration_name: string }>(`SELECT migration_name FROM "uwv"."_prisma_migrations"`),
    );
    writeFileSync(path.join(root, "uwv", first!.migration_name, "migration.sql"), "-- edited\nSELECT 1;");
    await expect(migrate(s, "uwv", root)).rejects.toThrow(/was edited after it was applied/);
  });

  it("rolls a failing migration back completely, records it, and stops later runs until resolved", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "migrations-"));
    mkdirSync(path.join(root, "uwv", "20990101000000_broken"), { recursive: true });
    writeFileSync(
      path.join(root, "uwv", "20990101000000_broken", "migration.sql"),
      `CREATE SCHEMA IF NOT EXISTS "uwv"; CREATE TABLE "uwv"."half_done" (id INT); SELECT * FROM "uwv"."no_such_table";`,
    );
    const s = await open();
    await expect(migrate(s, "uwv", root)).rejects.toThrow(/20990101000000_broken failed/);
    const leftover = await s.withSession((q) =>
      q.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'uwv' AND table_name = 'half_done'`),
    );
    expect(leftover).toEqual([]);
    await expect(migrate(s, "uwv", root)).rejects.toThrow(/failed earlier/);
  });
});
