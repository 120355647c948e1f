import { rmSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabaseServer } from "../../src/db/database.ts";
import { prepareSubgraphDatabase } from "../../src/subgraphs/start.ts";
import { SUBGRAPH_NAMES } from "../../src/subgraphs/subgraph.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgliteEmpty: string;
  }
}

/**
 * Builds dist/ and its database template when the sources changed (tests of `npm start` run the
 * compiled build and expect its template), then migrates
 * and seeds one in-memory PGlite and dumps it, so test files start from a copy.
 */
export default async function setup(project: TestProject) {
  // @ts-expect-error: the build script is plain JavaScript, without types
  const build = (await import("../../scripts/build.mjs")) as {
    isStale(): boolean;
    buildAll(o?: object): Promise<void>;
    buildTemplate(): Promise<void>;
  };
  if (build.isStale()) await build.buildAll({ quiet: true });
  // and the embedded database's template, made from that build (only when it no longer matches)
  await build.buildTemplate();
  const dir = mkdtempSync(path.join(tmpdir(), "nl-work-graph-test-"));
  const server = await openDatabaseServer({ kind: "pglite", dataDir: null });
  const empty = path.join(dir, "empty.tar");
  writeFileSync(empty, Buffer.from(await (await server.pglite!.dumpDataDir("none")).arrayBuffer()));
  project.provide("pgliteEmpty", empty);
  for (const name of SUBGRAPH_NAMES) await prepareSubgraphDatabase(name, server.client(), () => {});
  const dump = await server.pglite!.dumpDataDir("none");
  await server.close();
  const file = path.join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
