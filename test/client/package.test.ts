import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalStack } from "../../src/app.ts";
import { readPersistedDocuments } from "../../src/config.ts";
import { BACKENDS, type TestDatabase } from "../support/databases.ts";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const npm = (args: string[], cwd: string) =>
  run("npm", [...args, "--no-audit", "--no-fund", "--prefer-offline"], { cwd, env: { ...process.env } });

// A portal developer's view: the client as npm would publish it, installed from its tarball into an
// empty folder, used from plain Node (no TypeScript runner) and type-checked as a consumer would.
describe("the client package (packages/client)", () => {
  let dir: string;
  let db: TestDatabase;
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "nl-work-graph-client-"));
    // npm pack builds it first (prepack: scripts/build-client.mjs)
    await npm(["pack", "--pack-destination", dir], path.join(root, "packages", "client"));
    const tarball = readdirSync(dir).find((file) => file.endsWith(".tgz"))!;
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "portal", private: true, type: "module" }));
    await npm(["install", `./${tarball}`], dir);
    db = await BACKENDS[0]!.seeded();
    stack = await startLocalStack(db.location, {
      persistedDocuments: { manifest: readPersistedDocuments(), only: true },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("runs a query from plain Node against a gateway that accepts only persisted documents", async () => {
    writeFileSync(
      path.join(dir, "query.mjs"),
      `import { createClient, MunicipalityDocument, GraphQLRequestError } from "@nl-work-graph/client";
const client = createClient({ url: process.argv[2] });
const { municipality } = await client.request(MunicipalityDocument, { name: "sudwest-fryslan" });
const error = await client.request(MunicipalityDocument, { code: "GM03" }).catch((e) => e);
console.log(JSON.stringify({ code: municipality.code, region: municipality.labourMarketRegion.code,
  error: error instanceof GraphQLRequestError ? error.errors[0].extensions.code : String(error) }));
`,
    );
    const { stdout } = await run(process.execPath, ["query.mjs", stack.gateway.url], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual({
      code: "GM1900",
      region: expect.stringMatching(/^AM\d\d$/),
      error: "BAD_USER_INPUT",
    });
  });

  it("ships the persisted-document hashes and declarations a TypeScript consumer type-checks against", async () => {
    const manifest = createRequire(path.join(dir, "package.json"))("@nl-work-graph/client/persisted-documents.json");
    expect(manifest).toEqual(readPersistedDocuments());
    writeFileSync(
      path.join(dir, "typed.ts"),
      `import { createClient, JobAgreementDocument } from "@nl-work-graph/client";
const client = createClient({ url: "http://localhost:4000/graphql" });
export async function shortfall(): Promise<string | undefined> {
  const data = await client.request(JobAgreementDocument, { year: 2021 });
  return data.jobAgreement?.sectors[0]?.shortfall?.value;
}
// @ts-expect-error: year is required
void client.request(JobAgreementDocument, {});
`,
    );
    writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: "nodenext",
          target: "es2022",
          lib: ["es2022", "dom"],
          types: [],
        },
        files: ["typed.ts"],
      }),
    );
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const result = await run(process.execPath, [tsc, "-p", "."], { cwd: dir }).catch((error: { stdout: string }) => ({
      stdout: error.stdout,
    }));
    expect(result.stdout).toBe("");
  });
});
