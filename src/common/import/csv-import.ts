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

/**
 * The delimiter of a file from its header line: a comma as the formats say, or a semicolon or tab as
 * spreadsheets with a Dutch locale write them (accepted, since the header names the columns anyway).
 */
export function detectDelimiter(text: string): string {
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const count = (c: string) => header.split(c).length - 1;
  const [best] = [",", ";", "\t"].sort((a, b) => count(b) - count(a));
  return best && count(best) > 0 ? best : ",";
}

/** Reads and checks a whole file; returns every problem rather than stopping at the first. */
export function parseImportFile<Row>(file: string, format: ImportFormat<Row>): ParsedFile<Row> {
  const name = path.basename(file);
  const errors: ImportError[] = [];
  let lines: { values: string[]; line: number }[];
  try {
    const text = readFileSync(file, "utf8");
    // rows as arrays, their length checked here, so one short row is one error among the others
    lines = (
      parse(text, {
        delimiter: detectDelimiter(text),
        skip_empty_lines: true,
        bom: true,
        trim: true,
        info: true,
        relax_column_count: true,
        relax_quotes: false,
      }) as unknown as { record: string[]; info: { lines: number } }[]
    ).map(({ record, info }) => ({ values: record, line: info.lines }));
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string };
    const message = e.code === "ENOENT" ? "file not found" : `not a readable CSV file: ${e.message}`;
    return { rows: [], errors: [{ file: name, row: e.lines ?? 0, column: null, message }], read: 0 };
  }
  const [head, ...body] = lines;
  if (!head || body.length === 0) {
    return { rows: [], errors: [{ file: name, row: 1, column: null, message: "no data rows" }], read: 0 };
  }
  const header = head.values;
  // each row as column → value, an empty cell as undefined
  const records: { values: Record<string, string | undefined>; line: number }[] = [];
  for (const { values, line } of body) {
    if (values.length !== header.length) {
      errors.push({
        file: name,
        row: line,
        column: null,
        message:
          `${values.length} values where the header has ${header.length} columns` +
          (values.length > header.length ? decimalCommaHint(values) : ""),
      });
      continue;
    }
    records.push({
      values: Object.fromEntries(header.map((h, i) => [h, values[i] === "" ? undefined : values[i]])),
      line,
    });
  }

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
  if (errors.some((e) => e.row === 1)) return { rows: [], errors, read: body.length };

  const rows: ParsedRow<Row>[] = [];
  const seen = new Map<string, ParsedRow<Row>>();
  for (const { values, line } of records) {
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
  // in file order, however each was found
  return { rows, errors: errors.sort((a, b) => a.row - b.row), read: body.length };
}

const ISO_DATE_MESSAGE = "must be a date: 2024, 2024-09 or 2024-09-30 (a real month and day)";

/** Provenance given on the command line, stored with every imported figure. */
export const ImportSourceSchema = z.object({
  publisher: z.string().trim().min(1, "--source-publisher is required"),
  document: z.string().trim().min(1, "--source-document is required"),
  date: z.string().trim().refine(isCalendarDate, `--source-date ${ISO_DATE_MESSAGE}`),
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

/** A hint when extra values look like numbers split at a decimal comma ("1234,56" unquoted). */
function decimalCommaHint(values: string[]): string {
  return values.some((v, i) => i > 0 && /^\d{1,2}$/.test(v) && /\d$/.test(values[i - 1]!))
    ? '; a decimal comma? write amounts with a point ("1234.56"), or quote them in a semicolon-separated file'
    : "";
}

/** A message for a number written the Dutch way, with a decimal comma or thousands points. */
const dutchNumber = (v: string) =>
  /^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+,\d+$/.test(v) && v.includes(",")
    ? ` (found "${v}": write a decimal point and no thousands separators, e.g. "${v.replace(/\./g, "").replace(",", ".")}")`
    : "";

/** 2024, 2024-09 or 2024-09-30, each a real calendar date (no month 13, no 30 February). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
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

/**
 * A number column written as `pattern` requires; a number written the Dutch way (decimal comma,
 * thousands points) is refused with the way to write it.
 */
export const decimalColumn = (pattern: RegExp, message: string) =>
  z.string({ required_error: "is required" }).superRefine((v, ctx) => {
    if (!pattern.test(v)) ctx.addIssue({ code: "custom", message: `${message}${dutchNumber(v)}` });
  });

export const eurosColumn = decimalColumn(
  /^-?\d+(\.\d{1,2})?$/,
  'must be an amount in euros with at most two decimals and a point, e.g. "1234567.89"',
);

export const nonNegativeEurosColumn = eurosColumn.refine((v) => !v.startsWith("-"), "must not be negative");

export const shareColumn = decimalColumn(
  /^(0(\.\d{1,20})?|1(\.0{1,20})?)$/,
  'must be a fraction between 0 and 1 with a point, e.g. "0.0123"',
);

export const isoDateColumn = z.string().refine(isCalendarDate, ISO_DATE_MESSAGE);

export const stageColumn = z
  .string({ required_error: "is required" })
  .transform((v) => v.toUpperCase())
  .pipe(
    z.enum(["PROVISIONAL", "FURTHER_PROVISIONAL", "DEFINITIVE"], {
      errorMap: () => ({ message: "must be provisional, further_provisional or definitive" }),
    }),
  );
