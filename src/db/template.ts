// The embedded database as it is after a first start (migrated, official and default synthetic data
// loaded), made once when the project is built: a first `npm start` unpacks it instead of creating a
// PostgreSQL cluster and loading twenty thousand rows. Used only while it matches the data and the
// migrations it was made from; otherwise a start creates the database as before.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectFile } from "../common/project-root.ts";
import { officialFingerprint } from "../common/seed-state.ts";
import { MIGRATIONS_ROOT } from "./migrate.ts";

export const TEMPLATE_FILE = projectFile("dist", "seed", "pglite.tar.gz");
const FINGERPRINT_FILE = projectFile("dist", "seed", "pglite.json");

/** Files under a folder whose names end in `suffix`, relative and sorted. */
const filesIn = (dir: string, suffix: string) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(suffix))
        .sort()
    : [];

/**
 * What the template is made from: the datasets, the migrations, the default synthetic figures and the
 * compiled code that loads them (a change to the loaders or the generator makes a new template).
 */
export function templateFingerprint(synthetic: { seed: number; years: number[] }): string {
  const hash = createHash("sha256").update(officialFingerprint()).update(JSON.stringify(synthetic));
  for (const file of filesIn(MIGRATIONS_ROOT, "migration.sql")) {
    hash.update(file).update(readFileSync(path.join(MIGRATIONS_ROOT, file)));
  }
  const code = projectFile("dist");
  for (const file of filesIn(code, ".js")) hash.update(file).update(readFileSync(path.join(code, file)));
  return hash.digest("hex");
}

/** The template, when there is one made from the current data; null otherwise. */
export function readTemplate(synthetic: { seed: number; years: number[] }): Blob | null {
  if (!existsSync(TEMPLATE_FILE) || !existsSync(FINGERPRINT_FILE)) return null;
  const made = JSON.parse(readFileSync(FINGERPRINT_FILE, "utf8")) as { fingerprint?: string };
  if (made.fingerprint !== templateFingerprint(synthetic)) return null;
  return new Blob([readFileSync(TEMPLATE_FILE)]);
}

export function writeTemplate(dump: Blob, bytes: Buffer, synthetic: { seed: number; years: number[] }): void {
  mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
  writeFileSync(TEMPLATE_FILE, bytes);
  writeFileSync(FINGERPRINT_FILE, JSON.stringify({ fingerprint: templateFingerprint(synthetic), bytes: dump.size }));
}

export const isTemplateCurrent = (synthetic: { seed: number; years: number[] }) =>
  existsSync(TEMPLATE_FILE) && readTemplate(synthetic) !== null;
