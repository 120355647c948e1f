import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The project's folder (where package.json is), found from this module's location: the same whether
 * the code runs from src/ (tests, tsx) or from the compiled build in dist/, so files the service reads
 * (schemas, datasets, migrations, the persisted documents) are found either way.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(import.meta.dirname);

export const projectFile = (...parts: string[]) => path.join(PROJECT_ROOT, ...parts);
