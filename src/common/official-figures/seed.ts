import { addCounts, syncRows, type SyncCounts } from "../sync.ts";
import type { FigureRow, SourceRow } from "./read.ts";

/** The operations seeding needs from a Prisma delegate (municipalFigure, uwvFigure, …). */
interface Table<Row, Where> {
  findMany(): Promise<unknown[]>;
  createMany(args: { data: Row[] }): Promise<unknown>;
  update(args: { where: Where; data: Partial<Row> }): Promise<unknown>;
}

/** A subgraph's `source` table (municipalSource, uwvSource): read by id. */
export interface SourceTable {
  findMany(args: { where: { id: { in: string[] } } }): Promise<unknown[]>;
  createMany(args: { data: SourceRow[] }): Promise<unknown>;
  update(args: { where: { id: string }; data: Partial<SourceRow> }): Promise<unknown>;
}

/** Writes the given sources where they differ from what is stored; call inside a transaction. */
export async function syncSources(table: SourceTable, sources: SourceRow[]): Promise<SyncCounts> {
  return syncRows({
    existing: (await table.findMany({ where: { id: { in: sources.map((s) => s.id) } } })) as SourceRow[],
    desired: sources,
    key: (s) => s.id,
    insert: (data) => table.createMany({ data }),
    update: ({ id, ...data }) => table.update({ where: { id }, data }),
  });
}

export interface FigureTables {
  sources: SourceTable;
  figures: Table<
    FigureRow,
    { topic_metric_period_dimension: Pick<FigureRow, "topic" | "metric" | "period" | "dimension"> }
  >;
}

const figureKey = (f: Pick<FigureRow, "topic" | "metric" | "period" | "dimension">) =>
  `${f.topic}|${f.metric}|${f.period}|${f.dimension}`;

/** Writes sources and figures that differ from what is stored; call inside a transaction. */
export async function syncFigures(
  tables: FigureTables,
  sources: SourceRow[],
  figures: FigureRow[],
): Promise<SyncCounts> {
  const sourceCounts = await syncSources(tables.sources, sources);
  const figureCounts = await syncRows({
    existing: (await tables.figures.findMany()) as FigureRow[],
    desired: figures,
    key: figureKey,
    insert: (data) => tables.figures.createMany({ data }),
    update: ({ topic, metric, period, dimension, ...data }) =>
      tables.figures.update({ where: { topic_metric_period_dimension: { topic, metric, period, dimension } }, data }),
  });
  return addCounts(sourceCounts, figureCounts);
}
