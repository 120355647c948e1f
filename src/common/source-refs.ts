import type DataLoader from "dataloader";
import { computedSource, type SourceModel, type SourceRef } from "./source.ts";

type SourceLoader = DataLoader<string, SourceModel | null>;

/** Resolves source references: ids through the subgraph's source loader, objects as they are. */
export async function sourcesOf(refs: readonly SourceRef[], loader: SourceLoader): Promise<SourceModel[]> {
  const ids = [...new Set(refs.filter((r): r is string => typeof r === "string"))];
  const loaded = await loader.loadMany(ids);
  const byId = new Map(ids.map((id, i) => [id, loaded[i]]));
  return refs.map((ref) => {
    if (typeof ref !== "string") return ref;
    const source = byId.get(ref);
    if (!source || source instanceof Error) throw new Error(`source ${ref} is missing`);
    return source;
  });
}

export async function resolveSourceRef(ref: SourceRef, loader: SourceLoader): Promise<SourceModel> {
  return (await sourcesOf([ref], loader))[0]!;
}

/** The source of a value computed from inputs with the given sources (see computedSource). */
export async function computedFrom(
  document: string,
  inputs: readonly SourceRef[],
  loader: SourceLoader,
  note?: string,
): Promise<SourceModel> {
  return computedSource(document, await sourcesOf(inputs, loader), note);
}
