import path from "node:path";
import { SCHEMA_DIR } from "../subgraphs/subgraph.ts";

export const SUPERGRAPH_FILE = path.join(SCHEMA_DIR, "supergraph.graphql");
