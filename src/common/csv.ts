import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

/** Reads a UTF-8 CSV file with a header row into one object per row, keyed by column name. */
export function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true, bom: true }) as Record<
    string,
    string
  >[];
}
