// Creates the next migration of one subgraph offline: diffs prisma/migrations/<subgraph> (replayed
// on an in-memory PGlite shadow database) against prisma/schema/<subgraph>.prisma with Prisma 6's
// WASM schema engine, and writes prisma/migrations/<subgraph>/<timestamp>_<name>/migration.sql.
//
//   npm run migrate:create -- <subgraph> <name>
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");
const tool = path.join(root, "tools/prisma6");
const { positionals } = parseArgs({ allowPositionals: true });
const [subgraph, name] = positionals;
if (!subgraph || !name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run migrate:create -- <subgraph> <name_in_snake_case>");
  process.exit(2);
}
const modelFile = path.join(root, "prisma/schema", `${subgraph}.prisma`);
if (!existsSync(modelFile)) {
  console.error(`no Prisma schema file for subgraph "${subgraph}" at ${modelFile}`);
  process.exit(2);
}
if (!existsSync(path.join(tool, "node_modules/prisma"))) {
  execFileSync("npm", ["ci", "--no-fund", "--no-audit"], { cwd: tool, stdio: "inherit" });
}

// The subgraph's models alone form a valid schema: no relation crosses subgraph files.
const work = mkdtempSync(path.join(tmpdir(), "migrate-create-"));
const schemaFile = path.join(work, "schema.prisma");
writeFileSync(
  schemaFile,
  `generator client {\n  provider = "prisma-client-js"\n}\n\n` +
    `datasource db {\n  provider = "postgresql"\n  url      = "postgresql://unused"\n  schemas  = ["${subgraph}"]\n}\n\n` +
    readFileSync(modelFile, "utf8"),
);
// The CLI checks for a query engine library it never uses here; an empty file stops the download.
const engineStandIn = path.join(work, "libquery_engine.so.node");
writeFileSync(engineStandIn, "");

const migrations = path.join(root, "prisma/migrations", subgraph);
mkdirSync(migrations, { recursive: true });
const lock = path.join(migrations, "migration_lock.toml");
if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');

const sql = execFileSync(
  path.join(tool, "node_modules/.bin/prisma"),
  [
    "migrate",
    "diff",
    "--config",
    "prisma.config.ts",
    "--from-migrations",
    migrations,
    "--to-schema-datamodel",
    schemaFile,
    "--script",
  ],
  {
    cwd: tool,
    encoding: "utf8",
    env: { ...process.env, PRISMA6_SCHEMA: schemaFile, PRISMA_QUERY_ENGINE_LIBRARY: engineStandIn },
    stdio: ["ignore", "pipe", "inherit"],
  },
);
if (/^-- This is an empty migration\.\s*$/.test(sql.trim()) || sql.trim() === "") {
  console.log(`${subgraph}: schema and migrations agree; nothing to create`);
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrations, `${stamp}_${name}`);
mkdirSync(dir);
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`created ${path.relative(root, dir)}/migration.sql`);
