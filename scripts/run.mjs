// npm start / npm run data / subgraph / gateway / compose: runs the compiled command from dist/,
// building it first only when the sources changed since (a fresh clone is built by postinstall).
// In this process, so signals reach the command directly and npm prints nothing extra.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildAll, COMMANDS, isStale } from "./build.mjs";

const command = process.argv[2];
if (!COMMANDS.includes(command) || command === "template") {
  console.error(`usage: node scripts/run.mjs <${COMMANDS.filter((c) => c !== "template").join("|")}> [arguments]`);
  process.exit(2);
}
if (isStale()) await buildAll({ quiet: true });
// production unless told otherwise: graphql-js skips its development-only checks (an instanceof
// check with a message on every type test) and the libraries their development paths
process.env.NODE_ENV ??= "production";
// the command reads its own arguments after its name, as `node dist/cli/<command>.js …` would
process.argv.splice(2, 1);
process.argv[1] = path.resolve(import.meta.dirname, "../dist/cli", `${command}.js`);
await import(pathToFileURL(process.argv[1]).href);
