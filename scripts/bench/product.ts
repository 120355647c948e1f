// Where the bench takes the product's code from: the compiled build (dist/) when there is one, else
// the TypeScript sources (run through tsx).
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** The compiled JavaScript of a product module, e.g. "gateway/gateway", when `npm run build` made it. */
export function builtFile(module: string): string | null {
  for (const candidate of [`dist/${module}.js`, `dist/src/${module}.js`]) {
    const file = path.join(ROOT, candidate);
    if (existsSync(file)) return file;
  }
  return null;
}

/** A product module (path under src/, no extension): from dist/ when built, else from src/. */
export async function importProduct<T>(module: string): Promise<T> {
  const file = builtFile(module) ?? path.join(ROOT, "src", `${module}.ts`);
  return (await import(pathToFileURL(file).href)) as T;
}

/** "dist/" or "src/ through tsx": what the bench ran, for its header. */
export const productOrigin = (module: string) => (builtFile(module) ? "dist/ (compiled)" : "src/ through tsx");
