import type { Database } from "../db/database.ts";
import { badUserInput } from "./errors.ts";
import { ImportSourceSchema, importSourceRow } from "./import/csv-import.ts";
import { writeRecords, type ImportTarget } from "./import/run.ts";

export interface SourceInput {
  publisher: string;
  document: string;
  date: string;
  url?: string | null;
  note?: string | null;
}

/**
 * Writes a mutation's figures through the same validation and transaction as a CSV import. Problems
 * become BAD_USER_INPUT errors naming the input field (`columns` maps the format's columns to it).
 */
export async function submit<Row>(
  db: Database,
  target: ImportTarget<Row>,
  record: Record<string, string | undefined>,
  sourceInput: SourceInput,
  columns: Record<string, string>,
): Promise<{ changed: boolean }> {
  const source = ImportSourceSchema.safeParse({
    publisher: sourceInput.publisher,
    document: sourceInput.document,
    date: sourceInput.date,
    url: sourceInput.url ?? undefined,
    note: sourceInput.note ?? undefined,
    kind: "OFFICIAL",
  });
  if (!source.success) {
    const issue = source.error.issues[0]!;
    throw badUserInput(`input.source.${issue.path.join(".")}`, issue.message.replace(/^--source-\w+ /, ""));
  }
  const { errors, written } = await writeRecords(db, target, [record], importSourceRow(source.data));
  if (errors.length > 0) {
    const first = errors[0]!;
    const field = first.column ? (columns[first.column.split(",")[0]!] ?? first.column) : "input";
    throw badUserInput(`input.${field}`, errors.map((e) => e.message).join("; "));
  }
  return { changed: written.inserted + written.updated > 0 };
}
