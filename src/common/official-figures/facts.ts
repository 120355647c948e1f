// Named, typed fields for published figures that need no computation: a fact type per theme (the
// Wajong reclassification, social assistance, …), each field one metric of the official figures —
// a single figure, or its series over the published periods. Built from a declaration per subgraph.
import type DataLoader from "dataloader";
import { figureFilterKey } from "./loaders.ts";

export interface FactField {
  metric: string;
  /** every period (and dimension) of the metric, oldest first; else the single figure */
  list?: boolean;
  /** `metric` is a prefix: every metric that starts with it, except one a field of its own takes */
  prefix?: boolean;
}

export type FactTypes = Record<string, { root: string; topic: string; fields: Record<string, FactField> }>;

/** What a fact type's fields are resolved from: its topic. */
export interface FactsParent {
  topic: string;
}

interface Figure {
  metric: string;
  period: string;
  dimension: string;
}
interface WithFigures<F extends Figure> {
  loaders: { figures: DataLoader<string, F[]> };
}

/** Query fields and type resolvers for every fact type declared. */
export function factResolvers<F extends Figure>(facts: FactTypes) {
  const query: Record<string, () => FactsParent> = {};
  const types: Record<
    string,
    Record<string, (parent: FactsParent, args: unknown, ctx: WithFigures<F>) => unknown>
  > = {};
  for (const [typeName, { root, topic, fields }] of Object.entries(facts)) {
    query[root] = () => ({ topic });
    types[typeName] = Object.fromEntries(
      Object.entries(fields).map(([field, { metric, list, prefix }]) => [
        field,
        async (parent: FactsParent, _: unknown, ctx: WithFigures<F>) => {
          const own = new Set(Object.values(fields).map((f) => f.metric));
          const rows = (await ctx.loaders.figures.load(figureFilterKey({ topic: parent.topic }))).filter((f) =>
            prefix ? f.metric.startsWith(metric) && !own.has(f.metric) : f.metric === metric,
          );
          if (list) return rows;
          if (rows.length > 1)
            throw new Error(`${typeName}.${field}: ${rows.length} figures for ${metric}, expected one`);
          return rows[0] ?? null;
        },
      ]),
    );
  }
  return { query, types };
}
