// What a start has loaded, so that the next start loads nothing: the official data again only when
// the datasets (or the way they are loaded) changed, and synthetic figures only into a database that
// has none — never over figures a user imported or generated with another seed.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Database } from "../db/database.ts";
import type { SubgraphName } from "../subgraphs/subgraph.ts";
import { DATASETS_DIR } from "./datasets.ts";

/** Bump when the official data is loaded differently (new tables, other rows from the same files). */
export const SEED_VERSION = 3;

export type SeedPart = "official" | "synthetic";

export interface SeedStateTable {
  findUnique(args: { where: { part: SeedPart } }): Promise<{ fingerprint: string } | null>;
  upsert(args: {
    where: { part: SeedPart };
    create: { part: SeedPart; fingerprint: string };
    update: { fingerprint: string; loadedAt: Date };
  }): Promise<unknown>;
}

export function seedStateTable(db: Database, subgraph: SubgraphName): SeedStateTable {
  const tables = {
    reference: db.prisma.referenceSeedState,
    municipal: db.prisma.municipalSeedState,
    uwv: db.prisma.uwvSeedState,
  };
  return tables[subgraph] as unknown as SeedStateTable;
}

let fingerprint: string | null = null;

/** sha256 of every dataset file and the loader version: what the official data is loaded from. */
export function officialFingerprint(): string {
  if (fingerprint === null) {
    const hash = createHash("sha256").update(`seed-version ${SEED_VERSION}\n`);
    for (const name of readdirSync(DATASETS_DIR).sort()) {
      hash.update(`${name}\n`).update(readFileSync(path.join(DATASETS_DIR, name)));
    }
    fingerprint = hash.digest("hex");
  }
  return fingerprint;
}

export async function loadedFingerprint(table: SeedStateTable, part: SeedPart): Promise<string | null> {
  return (await table.findUnique({ where: { part } }))?.fingerprint ?? null;
}

export async function recordLoaded(table: SeedStateTable, part: SeedPart, value: string): Promise<void> {
  await table.upsert({
    where: { part },
    create: { part, fingerprint: value },
    update: { fingerprint: value, loadedAt: new Date() },
  });
}
