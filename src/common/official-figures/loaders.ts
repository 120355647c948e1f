import DataLoader from "dataloader";
import { oneByKey } from "../batch.ts";

export interface FigureFilter {
  topic?: string | null;
  metric?: string | null;
  period?: string | null;
}

/** The reads a figures table needs; Prisma's municipalFigure/uwvFigure delegates satisfy it. */
export interface FigureDelegates<Figure, Source extends { id: string }> {
  figures: {
    findMany(args: {
      where: { topic?: string; metric?: string; period?: string };
      orderBy: Array<Record<"topic" | "metric" | "period" | "dimension", "asc"> | Record<string, "asc">>;
    }): Promise<Figure[]>;
  };
  sources: { findMany(args: { where: { id: { in: string[] } } }): Promise<Source[]> };
}

/** Per-request loaders over one subgraph's official figures and their sources. */
export function createFigureLoaders<Figure, Source extends { id: string }>(db: FigureDelegates<Figure, Source>) {
  return {
    /** key: JSON of a FigureFilter; one query per distinct filter */
    figures: new DataLoader<string, Figure[]>((keys) =>
      Promise.all(
        keys.map((key) => {
          const filter = JSON.parse(key) as FigureFilter;
          return db.figures.findMany({
            where: {
              ...(filter.topic ? { topic: filter.topic } : {}),
              ...(filter.metric ? { metric: filter.metric } : {}),
              ...(filter.period ? { period: filter.period } : {}),
            },
            orderBy: [{ topic: "asc" }, { metric: "asc" }, { period: "asc" }, { dimension: "asc" }],
          });
        }),
      ),
    ),
    source: new DataLoader<string, Source | null>(async (ids) =>
      oneByKey(ids, await db.sources.findMany({ where: { id: { in: [...ids] } } }), (s) => s.id),
    ),
  };
}

export const figureFilterKey = (filter: FigureFilter) =>
  JSON.stringify({ topic: filter.topic ?? null, metric: filter.metric ?? null, period: filter.period ?? null });
