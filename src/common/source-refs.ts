import type DataLoader from "dataloader";
import { computedSource, type ComputedRef, type SourceModel, type SourceRef } from "./source.ts";

type SourceLoader = DataLoader<string, SourceModel | null>;

const isComputed = (ref: SourceRef): ref is ComputedRef => typeof ref === "object" && "computed" in ref;

/** The sources references rest on, through computed inputs: stored ones by id, and inline ones. */
export function sourceLeaves(
  refs: readonly SourceRef[],
  into: (string | SourceModel)[] = [],
): (string | SourceModel)[] {
  for (const ref of refs) {
    if (isComputed(ref)) sourceLeaves(ref.computed.inputs, into);
    else into.push(ref);
  }
  return into;
}

/**
 * Resolves source references: ids through the subgraph's source loader (one batch for the whole
 * tree of inputs), objects as they are, computed ones from their resolved inputs.
 */
export async function sourcesOf(refs: readonly SourceRef[], loader: SourceLoader): Promise<SourceModel[]> {
  const ids = [...new Set(sourceLeaves(refs).filter((l): l is string => typeof l === "string"))];
  const loaded = await loader.loadMany(ids);
  const byId = new Map(ids.map((id, i) => [id, loaded[i]]));
  const resolve = (ref: SourceRef): SourceModel => {
    if (typeof ref === "string") {
      const source = byId.get(ref);
      if (!source || source instanceof Error) throw new Error(`source ${ref} is missing`);
      return source;
    }
    if (!isComputed(ref)) return ref;
    const { document, inputs, note } = ref.computed;
    return computedSource(document, inputs.map(resolve), note);
  };
  return refs.map(resolve);
}

/**
 * The kind of a reference's source, as `sourcesOf` would resolve it (a computed value is SYNTHETIC
 * when any input is, else DERIVED: computedSource), without building the source itself.
 */
export async function sourceKindOf(ref: SourceRef, loader: SourceLoader): Promise<string> {
  if (!isComputed(ref)) return (await sourcesOf([ref], loader))[0]!.kind;
  const leaves = await sourcesOf(sourceLeaves([ref]), loader);
  return leaves.some((s) => s.kind === "SYNTHETIC") ? "SYNTHETIC" : "DERIVED";
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
