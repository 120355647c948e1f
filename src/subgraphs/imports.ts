import type { ImportTarget } from "../common/import/run.ts";
import { MUNICIPAL_IMPORTS, regionMembershipCopy } from "./municipal/import.ts";
import { REFERENCE_IMPORTS } from "./reference/import.ts";
import type { SubgraphName } from "./subgraph.ts";
import { UWV_IMPORTS } from "./uwv/import.ts";

export interface ImportFormatEntry {
  /** the subgraph whose database the file is written to */
  subgraph: SubgraphName;
  target: ImportTarget<any>;
  /** other subgraphs that keep a copy of the same rows, written after the first succeeded */
  copies?: Partial<Record<SubgraphName, ImportTarget<any>>>;
}

/** Every CSV import format, with the subgraph whose database it writes to. */
export const IMPORT_FORMATS: Record<string, ImportFormatEntry> = {
  ...Object.fromEntries(
    Object.entries(REFERENCE_IMPORTS).map(([name, target]) => [
      name,
      { subgraph: "reference" as const, target, copies: { municipal: regionMembershipCopy } },
    ]),
  ),
  ...Object.fromEntries(
    Object.entries(MUNICIPAL_IMPORTS).map(([name, target]) => [name, { subgraph: "municipal" as const, target }]),
  ),
  ...Object.fromEntries(
    Object.entries(UWV_IMPORTS).map(([name, target]) => [name, { subgraph: "uwv" as const, target }]),
  ),
};
