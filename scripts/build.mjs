// npm run build: the service as plain JavaScript in dist/, so it runs without compiling TypeScript
// at start. Each command (start, subgraph, gateway, data, compose) is one entry; code they share goes
// into chunks; installed packages stay external (loaded from node_modules as they are).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const outdir = path.join(root, "dist");
export const COMMANDS = ["start", "subgraph", "gateway", "data", "compose", "template"];
/** Entry points that are not commands: the thread npm start runs its subgraphs in. */
const WORKERS = ["subgraph-worker"];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(file) : statSync(file).mtimeMs);
  }
  return newest;
}

/** Whether a source file is newer than the build (or there is none). */
export function isStale() {
  const built = [...COMMANDS, ...WORKERS].map((name) => path.join(outdir, "cli", `${name}.js`));
  if (!built.every((file) => existsSync(file))) return true;
  const oldest = Math.min(...built.map((file) => statSync(file).mtimeMs));
  return newestSource(path.join(root, "src")) > oldest;
}

export async function buildAll({ quiet = false } = {}) {
  // esbuild is a development dependency: loaded only when building
  const { build } = await import("esbuild");
  const began = performance.now();
  const result = await build({
    entryPoints: [...COMMANDS, ...WORKERS].map((name) => path.join(root, "src", "cli", `${name}.ts`)),
    outdir,
    entryNames: "cli/[name]",
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
  });
  const bytes = Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith(".js"))
    .reduce((sum, [, output]) => sum + output.bytes, 0);
  if (!quiet) {
    console.log(
      `build: dist/ (${COMMANDS.length} commands, ${Math.round(bytes / 1024)} KiB of JavaScript) in ${Math.round(performance.now() - began)} ms`,
    );
  }
}

/** Makes the embedded database's template when the data or migrations changed (dist/cli/template.js). */
export async function buildTemplate() {
  const { execFileSync } = await import("node:child_process");
  execFileSync(process.execPath, [path.join(outdir, "cli", "template.js"), "--if-stale"], { stdio: "inherit" });
}

if (import.meta.filename === path.resolve(process.argv[1] ?? "")) {
  // an install without development packages (a container's production stage) uses the build it copies
  const canBuild = await import("esbuild").then(
    () => true,
    () => false,
  );
  if (!canBuild && !isStale()) {
    console.log("build: esbuild is not installed; using the build in dist/");
  } else {
    await buildAll();
    await buildTemplate();
  }
}
