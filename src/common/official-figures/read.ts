import { readCsv } from "../csv.ts";
import { datasetFile } from "../datasets.ts";
import type { SourceModel } from "../source.ts";
import { PUBLISHED_QUALIFIERS } from "../../domain/provenance.ts";

export type FigureSubgraph = "municipal" | "uwv";

/** A row of an `official_figure` table (the same shape in the municipal and uwv schemas). */
export interface FigureRow {
  topic: string;
  metric: string;
  period: string;
  dimension: string;
  /** exact decimal as published; stored as a number and as printed */
  value: string;
  valueText: string;
  unit: string;
  qualifier: string;
  sourceId: string;
  note: string | null;
}

/** A row of a `source` table. */
export interface SourceRow extends SourceModel {
  id: string;
}

const UNITS = new Set([
  "JOBS",
  "PERSONS",
  "SHARE",
  "PERCENT",
  "HOURS",
  "EUR",
  "EUR_MILLION",
  "COUNT",
  "PLACES",
  "PROFILES",
  "LABOUR_YEARS",
  "YEARS",
  "GRADE",
]);

/** "EUR million" → EUR_MILLION, "labour_years" → LABOUR_YEARS */
export function unitOf(published: string): string {
  const unit = published.trim().toUpperCase().replace(/\s+/g, "_");
  if (!UNITS.has(unit)) throw new Error(`unknown unit "${published}"`);
  return unit;
}

/** The letters the national figures were transcribed from, as sources. */
export function readDocumentSources(): SourceRow[] {
  return readCsv(datasetFile("documents.csv")).map((row) => ({
    id: row.id!,
    publisher: row.publisher!,
    document: `${row.title} (${row.reference})`,
    url: null,
    date: row.date!,
    kind: "OFFICIAL",
    license: null,
    note: row.note || null,
  }));
}

/** The national figures one subgraph serves, checked on the way in. */
export function readOfficialFigures(subgraph: FigureSubgraph): FigureRow[] {
  const documents = new Set(readDocumentSources().map((s) => s.id));
  return readCsv(datasetFile("official-figures.csv"))
    .map((row, index) => {
      const where = `official-figures.csv row ${index + 2}`;
      if (!/^-?\d+(\.\d+)?$/.test(row.value ?? "")) throw new Error(`${where}: value "${row.value}" is not a number`);
      if (!documents.has(row.source!)) throw new Error(`${where}: unknown source document "${row.source}"`);
      if (!PUBLISHED_QUALIFIERS.has(row.qualifier!)) throw new Error(`${where}: unknown qualifier "${row.qualifier}"`);
      return { row, unit: unitOf(row.unit!) };
    })
    .filter(({ row }) => row.subgraph === subgraph)
    .map(({ row, unit }) => ({
      topic: row.topic!,
      metric: row.metric!,
      period: row.period!,
      dimension: row.dimension!,
      value: row.value!,
      valueText: row.value!,
      unit,
      qualifier: row.qualifier!,
      sourceId: row.source!,
      note: row.note || null,
    }));
}
