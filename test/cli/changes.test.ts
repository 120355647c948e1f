import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/databases.ts";
import { startTestStack, type TestStack } from "../support/stack.ts";

const root = path.resolve(import.meta.dirname, "../..");
const postgres = BACKENDS.find((b) => b.name === "postgresql");

/** `npm run data -- …` in a process of its own, on the given PostgreSQL database. */
function data(url: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/data.ts", ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const QUERY = `{ municipality(code: "GM0014") { buig(year: 2017) { spending { value source { kind document } } } } }`;

// Only PostgreSQL has a second process writing while the server runs: the embedded database has one
// writer (a second process is refused: test/cli/one-writer.test.ts).
describe.skipIf(!postgres)("a running server and an import in another process (postgresql)", () => {
  let stack: TestStack;
  let dir: string;
  beforeAll(async () => {
    stack = await startTestStack(postgres!);
    dir = mkdtempSync(path.join(tmpdir(), "changes-"));
  });
  afterAll(async () => {
    await stack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves the imported figure without a restart: the import's NOTIFY empties the server's caches", async () => {
    const before = await stack.gql(QUERY);
    expect(before.data!.municipality.buig.spending.source.kind).toBe("SYNTHETIC");
    // read again: now from the server's cache, with no SQL
    expect((await stack.sqlDuring(() => stack.gql(QUERY))).municipal).toBe(0);

    const file = path.join(dir, "spending.csv");
    writeFileSync(file, "year,municipality_code,spending_eur\n2017,GM0014,123456789.01\n");
    const location = stack.databases.municipal.server.location;
    if (location.kind !== "postgresql") throw new Error("expected PostgreSQL");
    const run = await data(
      location.url,
      "import",
      "buig-spending",
      file,
      "--source-publisher",
      "Gemeente Groningen",
      "--source-document",
      "Jaarrekening 2017",
      "--source-date",
      "2018-06-30",
    );
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);

    // the notification arrives asynchronously: wait for it (bounded), then the new figure is served
    const deadline = Date.now() + 15_000;
    let spending = before.data!.municipality.buig.spending;
    while (spending.value !== "123456789.01" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      spending = (await stack.gql(QUERY)).data!.municipality.buig.spending;
    }
    expect(spending).toEqual({ value: "123456789.01", source: { kind: "OFFICIAL", document: "Jaarrekening 2017" } });
  });
});
