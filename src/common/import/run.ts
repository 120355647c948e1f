import type { Database } from "../../db/database.ts";
import type { SourceRow } from "../official-figures/read.ts";
import type { SyncCounts } from "../sync.ts";
import { parseImportFile, type ImportError, type ImportFormat, type ParsedRow } from "./csv-import.ts";

export interface ImportSummary {
  file: string;
  format: string;
  /** data rows in the file */
  read: number;
  /** rows with at least one error */
  rejected: number;
  /** what was (or, with dryRun, would be) written */
  written: SyncCounts;
  errors: ImportError[];
  dryRun: boolean;
}

export type Tx = Parameters<Parameters<Database["prisma"]["$transaction"]>[0]>[0];

/** How one format reaches the database: reference checks, then writing inside the transaction. */
export interface ImportTarget<Row> {
  format: ImportFormat<Row>;
  /** problems that need the database (unknown codes …); nothing is written when any is found */
  check?(rows: ParsedRow<Row>[], db: Database, file: string): Promise<ImportError[]>;
  /** writes the source (if new) and the rows; inside the one transaction */
  write(tx: Tx, rows: Row[], source: SourceRow): Promise<SyncCounts>;
}

class DryRunRollback extends Error {
  constructor(readonly counts: SyncCounts) {
    super("dry run");
  }
}

/** The advisory-lock key that serialises imports (any constant number, the same in every process). */
const IMPORT_LOCK = 7_261_999;

const NOTHING: SyncCounts = { inserted: 0, updated: 0, unchanged: 0 };

/**
 * Imports one file all-or-nothing: every row is validated first and any error means nothing is
 * written; then everything is written in one transaction. A dry run does the same and rolls back.
 */
export async function runImport<Row>(
  db: Database,
  target: ImportTarget<Row>,
  file: string,
  source: SourceRow,
  options: { dryRun?: boolean } = {},
): Promise<ImportSummary> {
  const dryRun = options.dryRun ?? false;
  const parsed = parseImportFile(file, target.format);
  const errors = [...parsed.errors];
  // rows that parsed are checked against the database too, so one run reports every problem
  if (parsed.rows.length > 0 && target.check) errors.push(...(await target.check(parsed.rows, db, file)));
  errors.sort((a, b) => a.row - b.row);
  const summary = (written: SyncCounts): ImportSummary => ({
    file,
    format: target.format.name,
    read: parsed.read,
    rejected: new Set(errors.map((e) => e.row)).size,
    written,
    errors,
    dryRun,
  });
  if (errors.length > 0) return summary(NOTHING);

  const rows = parsed.rows.map((r) => r.row);
  try {
    const counts = await db.prisma.$transaction(
      async (tx) => {
        // one import at a time per database: a concurrent one waits here for this one's commit, then
        // writes over what it finds (two imports at once on PostgreSQL otherwise end in a unique-key
        // violation for the later one)
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`);
        const written = await target.write(tx, rows, source);
        if (dryRun) throw new DryRunRollback(written);
        return written;
      },
      { timeout: 300_000, maxWait: 10_000 },
    );
    return summary(counts);
  } catch (error) {
    if (error instanceof DryRunRollback) return summary(error.counts);
    throw error;
  }
}

/**
 * Validates and writes rows that did not come from a file (a mutation's input), exactly as an import
 * would: the format's checks, the database checks, then one transaction. Returns the problems instead
 * of writing when there are any.
 */
export async function writeRecords<Row>(
  db: Database,
  target: ImportTarget<Row>,
  records: Record<string, string | undefined>[],
  source: SourceRow,
): Promise<{ errors: ImportError[]; written: SyncCounts }> {
  const errors: ImportError[] = [];
  const rows: ParsedRow<Row>[] = [];
  records.forEach((record, index) => {
    const result = target.format.schema.safeParse(record);
    if (result.success) rows.push({ row: result.data, line: index + 1 });
    else
      for (const issue of result.error.issues)
        errors.push({
          file: "input",
          row: index + 1,
          column: issue.path.map(String).join(".") || null,
          message: issue.message,
        });
  });
  if (rows.length > 0 && target.check) errors.push(...(await target.check(rows, db, "input")));
  if (errors.length > 0) return { errors, written: NOTHING };
  const written = await db.prisma.$transaction(
    (tx) =>
      target.write(
        tx,
        rows.map((r) => r.row),
        source,
      ),
    { timeout: 60_000, maxWait: 10_000 },
  );
  return { errors, written };
}
