import { addCounts, syncRows, type SyncCounts } from "../sync.ts";
import type { FigureRow, SourceRow } from "./read.ts";

/** The operations seeding needs from a Prisma delegate (municipalFigure, uwvFigure, …). */
interface Table<Row, Where> {
  findMany(): Promise<unknown[]>;
  createMany(args: { data: Row[] }): Promise<unknown>;
  update(args: { where: Where; data: Partial<Row> }): Promise<unknown>;
}

export interface FigureTables {
  sources: Table<SourceRow, { id: string }>;
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
  const sourceCounts = await syncRows({
    existing: (await tables.sources.findMany()) as SourceRow[],
    desired: sources,
    key: (s) => s.id,
    insert: (data) => tables.sources.createMany({ data }),
    update: ({ id, ...data }) => tables.sources.update({ where: { id }, data }),
  });
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
