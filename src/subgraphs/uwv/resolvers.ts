import { Decimal, Date } from "../../shared/scalars.ts";
import { officialFigureFields } from "../../shared/official-figures/resolvers.ts";
import { figureFilterKey } from "../../shared/official-figures/loaders.ts";
import type { Resolvers } from "./generated/resolvers-types.ts";

export const resolvers: Resolvers = {
  Decimal,
  Date,
  Query: {
    uwvFigures: (_, { topic, metric, period }, { loaders }) =>
      loaders.figures.load(figureFilterKey({ topic: topic?.toLowerCase(), metric, period })),
  },
  OfficialFigure: {
    ...officialFigureFields,
    source: async (figure, _, { loaders }) => (await loaders.source.load(figure.sourceId))!,
  },
};
