import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseServer, SqlSession } from "./database.ts";
import { projectFile } from "../common/project-root.ts";

/**
 * Applies prisma/migrations/<subgraph>/ to the subgraph's PostgreSQL schema. Prisma 7's CLI cannot
 * apply migrations offline, so this keeps Prisma's folder format and the semantics of its
 * `_prisma_migrations` table (kept in the subgraph's own schema, so each subgraph's history stands
 * alone): sha256 checksums, one transaction per migration, a lock against concurrent runners, and a
 * refusal to go on after a failed or edited migration.
 */
export const MIGRATIONS_ROOT = projectFile("prisma", "migrations");

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

export async function migrate(db: DatabaseServer, subgraph: string, root = MIGRATIONS_ROOT): Promise<MigrationResult> {
  if (!/^[a-z_]+$/.test(subgraph)) throw new Error(`invalid subgraph name "${subgraph}"`);
  const folder = path.join(root, subgraph);
  if (!existsSync(folder)) throw new Error(`no migrations folder for subgraph "${subgraph}" at ${folder}`);
  const migrations = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(folder, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });

  return db.withSession(async (session) => {
    const lockKey = advisoryLockKey(subgraph);
    await session.query("SELECT pg_advisory_lock($1)", [lockKey]);
    try {
      const table = `"${subgraph}"."_prisma_migrations"`;
      await session.exec(`CREATE SCHEMA IF NOT EXISTS "${subgraph}";
        CREATE TABLE IF NOT EXISTS ${table} (
          id VARCHAR(36) PRIMARY KEY NOT NULL,
          checksum VARCHAR(64) NOT NULL,
          finished_at TIMESTAMPTZ,
          migration_name VARCHAR(255) NOT NULL,
          logs TEXT,
          rolled_back_at TIMESTAMPTZ,
          started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          applied_steps_count INTEGER NOT NULL DEFAULT 0
        );`);
      const rows = await session.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM ${table} ORDER BY started_at`,
      );
      const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
      if (failed) {
        throw new Error(
          `${subgraph}: migration ${failed.migration_name} failed earlier (${failed.logs ?? "no log"}). ` +
            `Fix it, then remove its row from ${table} and start again.`,
        );
      }
      const done = new Map(rows.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]));
      const applied: string[] = [];
      for (const migration of migrations) {
        const previous = done.get(migration.name);
        if (previous) {
          if (previous.checksum !== migration.checksum) {
            throw new Error(
              `${subgraph}: migration ${migration.name} was edited after it was applied; ` +
                `create a new migration instead of changing an applied one`,
            );
          }
          continue;
        }
        await applyOne(session, table, migration);
        applied.push(migration.name);
      }
      return { applied, alreadyApplied: migrations.length - applied.length };
    } finally {
      await session.query("SELECT pg_advisory_unlock($1)", [lockKey]);
    }
  });
}

async function applyOne(
  session: SqlSession,
  table: string,
  migration: { name: string; sql: string; checksum: string },
): Promise<void> {
  const id = crypto.randomUUID();
  try {
    await session.exec("BEGIN");
    await session.query(`INSERT INTO ${table} (id, checksum, migration_name) VALUES ($1, $2, $3)`, [
      id,
      migration.checksum,
      migration.name,
    ]);
    await session.exec(migration.sql);
    await session.query(`UPDATE ${table} SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await session.exec("COMMIT");
  } catch (error) {
    await session.exec("ROLLBACK");
    // PostgreSQL DDL is transactional, so nothing of the migration stayed; record the failure
    // as Prisma does, so later runs stop until someone has looked at it.
    const message = error instanceof Error ? error.message : String(error);
    await session.query(`INSERT INTO ${table} (id, checksum, migration_name, logs) VALUES ($1, $2, $3, $4)`, [
      id,
      migration.checksum,
      migration.name,
      message,
    ]);
    throw new Error(`migration ${migration.name} failed: ${message}`);
  }
}

function advisoryLockKey(subgraph: string): number {
  return createHash("sha256").update(`migrations:${subgraph}`).digest().readInt32BE(0);
}
