// Resolvers of a figure's label (`qualifier`, `publishedOn`) shared by every subgraph: whatever a row
// or a computation holds, the label served is the one `labelOf` decides from the figure's source.
import type DataLoader from "dataloader";
import { labelOf } from "../domain/provenance.ts";
import { sourceKindOf } from "./source-refs.ts";
import type { SourceModel, SourceRef } from "./source.ts";

type Figure = { qualifier: string; publishedOn?: string | null } & ({ source: SourceRef } | { sourceId: string });
interface WithSources {
  loaders: { source: DataLoader<string, SourceModel | null> };
}

const refOf = (figure: Figure): SourceRef => ("source" in figure ? figure.source : figure.sourceId);

async function label(figure: Figure, ctx: WithSources) {
  return labelOf(figure, await sourceKindOf(refOf(figure), ctx.loaders.source));
}

/** `qualifier` and `publishedOn` of a figure type, labelled by its source's kind. */
export const labelResolvers = {
  // the generated resolver types want the Qualifier enum; labelOf keeps to its values
  qualifier: async (figure: Figure, _: unknown, ctx: WithSources) => (await label(figure, ctx)).qualifier as never,
  publishedOn: async (figure: Figure, _: unknown, ctx: WithSources) => (await label(figure, ctx)).publishedOn,
};

export const qualifierResolver = { qualifier: labelResolvers.qualifier };
