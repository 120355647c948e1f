import path from "node:path";

/** The project's own copy of the data it serves (with SOURCES.md): never ../shared. */
export const DATASETS_DIR = path.resolve(import.meta.dirname, "../../datasets");

export const datasetFile = (name: string) => path.join(DATASETS_DIR, name);
