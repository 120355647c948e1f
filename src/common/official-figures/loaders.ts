import DataLoader from "dataloader";
import type { DataCache } from "../../db/data-cache.ts";

export interface FigureFilter {
  topic?: string | null;
  metric?: string | null;
  period?: string | null;
}

/** The reads a figures table needs; Prisma's municipalFigure/uwvFigure delegates satisfy it. */
export interface FigureDelegates<Figure, Source extends { id: string }> {
  figures: {
    findMany(args: {
      orderBy: Array<Record<"topic" | "metric" | "period" | "dimension", "asc"> | Record<string, "asc">>;
    }): Promise<Figure[]>;
  };
  sources: { findMany(): Promise<Source[]> };
}

type FigureFields = { topic: string; metric: string; period: string };

/**
 * Per-request loaders over one subgraph's official figures and sources. Both tables are small (a
 * hundred figures, a few dozen sources): each is read whole once per process (`cache`) and filtered
 * in memory.
 */
export function createFigureLoaders<Figure extends FigureFields, Source extends { id: string }>(
  db: FigureDelegates<Figure, Source>,
  cache: DataCache,
) {
  const allFigures = () =>
    cache.get("figures", () =>
      db.figures.findMany({ orderBy: [{ topic: "asc" }, { metric: "asc" }, { period: "asc" }, { dimension: "asc" }] }),
    );
  const allSources = () =>
    cache.get("sources", async () => new Map((await db.sources.findMany()).map((s) => [s.id, s])));
  return {
    /** key: JSON of a FigureFilter */
    figures: new DataLoader<string, Figure[]>(async (keys) => {
      const figures = await allFigures();
      return keys.map((key) => {
        const filter = JSON.parse(key) as FigureFilter;
        return figures.filter(
          (f) =>
            (!filter.topic || f.topic === filter.topic) &&
            (!filter.metric || f.metric === filter.metric) &&
            (!filter.period || f.period === filter.period),
        );
      });
    }),
    source: new DataLoader<string, Source | null>(async (ids) => {
      const sources = await allSources();
      return ids.map((id) => sources.get(id) ?? null);
    }),
  };
}

export const figureFilterKey = (filter: FigureFilter) =>
  JSON.stringify({ topic: filter.topic ?? null, metric: filter.metric ?? null, period: filter.period ?? null });
