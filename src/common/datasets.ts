import path from "node:path";
import { projectFile } from "./project-root.ts";

/** The project's own copy of the data it serves (with SOURCES.md): never the source material outside this repository. */
export const DATASETS_DIR = projectFile("datasets");

export const datasetFile = (name: string) => path.join(DATASETS_DIR, name);
