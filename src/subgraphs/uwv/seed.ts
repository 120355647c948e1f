import type { Database } from "../../db/database.ts";
import { readDocumentSources, readOfficialFigures } from "../../shared/official-figures/read.ts";
import { syncFigures } from "../../shared/official-figures/seed.ts";
import type { SyncCounts } from "../../shared/sync.ts";

/** Loads the official national figures of the UWV topics in one transaction (idempotent). */
export function seedUwv(db: Database): Promise<SyncCounts> {
  const figures = readOfficialFigures("uwv");
  const sources = readDocumentSources().filter((s) => figures.some((f) => f.sourceId === s.id));
  return db.prisma.$transaction(
    (tx) => syncFigures({ sources: tx.uwvSource, figures: tx.uwvFigure }, sources, figures),
    { timeout: 60_000, maxWait: 10_000 },
  );
}
