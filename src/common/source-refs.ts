import type DataLoader from "dataloader";
import { computedSource, type ComputedRef, type SourceModel, type SourceRef } from "./source.ts";

type SourceLoader = DataLoader<string, SourceModel | null>;

const isComputed = (ref: SourceRef): ref is ComputedRef => typeof ref === "object" && "computed" in ref;

/** Every stored source id a reference needs, through computed inputs. */
function idsOf(refs: readonly SourceRef[], into: Set<string>): Set<string> {
  for (const ref of refs) {
    if (typeof ref === "string") into.add(ref);
    else if (isComputed(ref)) idsOf(ref.computed.inputs, into);
  }
  return into;
}

/**
 * Resolves source references: ids through the subgraph's source loader (one batch for the whole
 * tree of inputs), objects as they are, computed ones from their resolved inputs.
 */
export async function sourcesOf(refs: readonly SourceRef[], loader: SourceLoader): Promise<SourceModel[]> {
  const ids = [...idsOf(refs, new Set())];
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
