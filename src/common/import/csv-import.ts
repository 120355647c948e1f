import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { SourceRow } from "../official-figures/read.ts";

/** One problem in an import file, pointing at the row (the line in the file) and the column. */
export interface ImportError {
  file: string;
  /** line in the file; 1 is the header */
  row: number;
  column: string | null;
  message: string;
}

export const formatImportError = (e: ImportError) =>
  `${e.file}:${e.row}${e.column ? ` column ${e.column}` : ""}: ${e.message}`;

export interface ColumnSpec {
  name: string;
  required: boolean;
  description: string;
}

/** A documented CSV format: its columns, an example, and how each row is checked and keyed. */
export interface ImportFormat<Row> {
  name: string;
  description: string;
  columns: ColumnSpec[];
  example: string;
  /** validates one row (values are strings, empty cells are undefined) */
  schema: z.ZodType<Row, z.ZodTypeDef, unknown>;
  /** rows with the same key may appear once per file */
  key: (row: Row) => string;
  keyColumns: string[];
  /** what to say of a second row with the same key, when the general message would not be clear */
  duplicate?: (row: Row, first: { row: Row; line: number }) => { column: string; message: string };
}

export interface ParsedRow<Row> {
  row: Row;
  line: number;
}

export interface ParsedFile<Row> {
  rows: ParsedRow<Row>[];
  errors: ImportError[];
  /** data rows read, valid or not */
  read: number;
}

/** Reads and checks a whole file; returns every problem rather than stopping at the first. */
export function parseImportFile<Row>(file: string, format: ImportFormat<Row>): ParsedFile<Row> {
  const name = path.basename(file);
  const errors: ImportError[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(readFileSync(file, "utf8"), {
      columns: (header: string[]) => header.map((h) => h.trim()),
      skip_empty_lines: true,
      bom: true,
      trim: true,
      info: true,
      relax_column_count: false,
    });
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string };
    const message = e.code === "ENOENT" ? "file not found" : `not a readable CSV file: ${e.message}`;
    return { rows: [], errors: [{ file: name, row: e.lines ?? 0, column: null, message }], read: 0 };
  }
  if (records.length === 0) {
    return { rows: [], errors: [{ file: name, row: 1, column: null, message: "no data rows" }], read: 0 };
  }

  const header = Object.keys(records[0]!.record);
  const known = new Set(format.columns.map((c) => c.name));
  for (const column of header) {
    if (!known.has(column)) {
      errors.push({
        file: name,
        row: 1,
        column,
        message: `unknown column; ${format.name} has ${[...known].join(", ")}`,
      });
    }
  }
  for (const column of format.columns) {
    if (column.required && !header.includes(column.name)) {
      errors.push({ file: name, row: 1, column: column.name, message: "required column is missing" });
    }
  }
  if (errors.length > 0) return { rows: [], errors, read: records.length };

  const rows: ParsedRow<Row>[] = [];
  const seen = new Map<string, ParsedRow<Row>>();
  for (const { record, info } of records) {
    const line = info.lines;
    const values = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v === "" ? undefined : v]));
    const result = format.schema.safeParse(values);
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors.push({
          file: name,
          row: line,
          column: issue.path.map(String).join(".") || null,
          message: issue.message,
        });
      }
      continue;
    }
    const key = format.key(result.data);
    const first = seen.get(key);
    if (first !== undefined) {
      const { column, message } = format.duplicate?.(result.data, first) ?? {
        column: format.keyColumns.join(","),
        message: `the same ${format.keyColumns.join(", ")} as row ${first.line}`,
      };
      errors.push({ file: name, row: line, column, message });
      continue;
    }
    const parsed = { row: result.data, line };
    seen.set(key, parsed);
    rows.push(parsed);
  }
  return { rows, errors, read: records.length };
}

/** Provenance given on the command line, stored with every imported figure. */
export const ImportSourceSchema = z.object({
  publisher: z.string().trim().min(1, "--source-publisher is required"),
  document: z.string().trim().min(1, "--source-document is required"),
  date: z
    .string()
    .trim()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "--source-date must be an ISO date: 2024, 2024-09 or 2024-09-30"),
  url: z.string().url("--source-url must be a URL").optional(),
  note: z.string().optional(),
  kind: z.enum(["OFFICIAL", "SYNTHETIC"]).default("OFFICIAL"),
});
export type ImportSource = z.input<typeof ImportSourceSchema>;

/** The same provenance always gives the same source id, so re-importing changes nothing. */
export function importSourceRow(source: z.output<typeof ImportSourceSchema>): SourceRow {
  const id = `import-${createHash("sha256")
    .update(
      JSON.stringify([
        source.publisher,
        source.document,
        source.date,
        source.url ?? null,
        source.note ?? null,
        source.kind,
      ]),
    )
    .digest("hex")
    .slice(0, 16)}`;
  return {
    id,
    publisher: source.publisher,
    document: source.document,
    url: source.url ?? null,
    date: source.date,
    kind: source.kind,
    license: null,
    note: source.note ?? null,
  };
}

// Column validators shared by the formats

export const yearColumn = z.coerce
  .number({ invalid_type_error: "must be a year such as 2017" })
  .int("must be a whole year")
  .min(1990, "must be 1990 or later")
  .max(2100, "must be 2100 or earlier");

export const municipalityCodeColumn = z
  .string({ required_error: "is required" })
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^GM\d{4}$/, "must be a CBS municipality code such as GM0363"));

export const regionCodeColumn = z
  .string({ required_error: "is required" })
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^AM\d{2}$/, "must be a labour-market region code such as AM01"));

export const eurosColumn = z
  .string({ required_error: "is required" })
  .regex(/^-?\d+(\.\d{1,2})?$/, 'must be an amount in euros with at most two decimals and a point, e.g. "1234567.89"');

export const nonNegativeEurosColumn = eurosColumn.refine((v) => !v.startsWith("-"), "must not be negative");

export const shareColumn = z
  .string()
  .regex(/^(0(\.\d{1,20})?|1(\.0{1,20})?)$/, 'must be a fraction between 0 and 1 with a point, e.g. "0.0123"');

export const isoDateColumn = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be an ISO date: 2024, 2024-09 or 2024-09-30");

export const stageColumn = z
  .string({ required_error: "is required" })
  .transform((v) => v.toUpperCase())
  .pipe(
    z.enum(["PROVISIONAL", "FURTHER_PROVISIONAL", "DEFINITIVE"], {
      errorMap: () => ({ message: "must be provisional, further_provisional or definitive" }),
    }),
  );
