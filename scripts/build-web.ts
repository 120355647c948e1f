// npm run build:web: builds the dashboard (web/) into web/dist, which is committed and served by the
// gateway at /, and prints the size of every file (what a first visit downloads, raw and gzipped).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";

const root = path.resolve(import.meta.dirname, "..");
export const WEB_CONFIG = path.join(root, "web/vite.config.ts");
export const WEB_DIST = path.join(root, "web/dist");

/** Builds the dashboard into outDir (default web/dist). */
export async function buildDashboard(outDir = WEB_DIST): Promise<void> {
  await build({ configFile: WEB_CONFIG, logLevel: "warn", build: { outDir, emptyOutDir: true } });
}

/** Every file under dir, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

export function bundleSizes(dir = WEB_DIST): { file: string; bytes: number; gzipped: number }[] {
  return listFiles(dir).map((file) => {
    const body = readFileSync(path.join(dir, file));
    return { file, bytes: body.length, gzipped: gzipSync(body, { level: 9 }).length };
  });
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  await buildDashboard();
  const sizes = bundleSizes();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
  for (const { file, bytes, gzipped } of sizes) console.log(`${file.padEnd(64)} ${kb(bytes)} ${kb(gzipped)} gzip`);
  const total = sizes.reduce((sum, s) => ({ bytes: sum.bytes + s.bytes, gzipped: sum.gzipped + s.gzipped }), {
    bytes: 0,
    gzipped: 0,
  });
  console.log(`${"dashboard bundle (web/dist)".padEnd(64)} ${kb(total.bytes)} ${kb(total.gzipped)} gzip`);
}
