// npm run build:client: the typed client as a publishable package in packages/client/ (its own
// package.json and README): dist/index.js (ESM, one file, bundled by esbuild from src/client/),
// dist/*.d.ts (tsc, packages/client/tsconfig.json) and dist/persisted-documents.json (the hashes the
// gateway must know when it accepts only persisted documents). `npm pack` in packages/client runs it.
import { execFileSync } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const pkg = path.join(root, "packages", "client");
const dist = path.join(pkg, "dist");

export async function buildClient() {
  // esbuild and typescript are development dependencies: loaded only when building
  const { build } = await import("esbuild");
  rmSync(dist, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(root, "src", "client", "index.ts")],
    outfile: path.join(dist, "index.js"),
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    logLevel: "warning",
  });
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", path.join(pkg, "tsconfig.json")], { stdio: "inherit" });
  // tsc keeps the sources' `.ts` in relative imports of declarations; published files import `.js`
  for (const file of declarations(dist)) {
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace(/(from\s+["']\.{1,2}\/[^"']*)\.ts(["'])/g, "$1.js$2"));
  }
  copyFileSync(
    path.join(root, "src", "client", "generated", "persisted-documents.json"),
    path.join(dist, "persisted-documents.json"),
  );
}

function declarations(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".d.ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

if (import.meta.filename === path.resolve(process.argv[1] ?? "")) {
  await buildClient();
  console.log(`build: ${path.relative(root, dist)}/ (the client package)`);
}
