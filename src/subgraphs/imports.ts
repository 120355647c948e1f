import type { ImportTarget } from "../common/import/run.ts";
import { MUNICIPAL_IMPORTS } from "./municipal/import.ts";
import type { SubgraphName } from "./subgraph.ts";
import { UWV_IMPORTS } from "./uwv/import.ts";

/** Every CSV import format, with the subgraph whose database it writes to. */
export const IMPORT_FORMATS: Record<string, { subgraph: SubgraphName; target: ImportTarget<any> }> = Object.fromEntries(
  [
    ...Object.entries(MUNICIPAL_IMPORTS).map(([name, target]) => [name, { subgraph: "municipal" as const, target }]),
    ...Object.entries(UWV_IMPORTS).map(([name, target]) => [name, { subgraph: "uwv" as const, target }]),
  ],
);
