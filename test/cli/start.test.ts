import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { postGraphQL } from "../support/stack.ts";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = mkdtempSync(path.join(tmpdir(), "nl-work-graph-start-"));

/** `npm start` as a user runs it: embedded database in DATA_DIR, no DATABASE_URL, no network. */
function start(): { child: ChildProcess; url: Promise<string>; output: () => string } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: "0",
    REFERENCE_PORT: "0",
    MUNICIPAL_PORT: "0",
    UWV_PORT: "0",
    HOST: "127.0.0.1",
  };
  delete env.DATABASE_URL;
  // what `npm start` runs: the compiled build (dist/), built before the tests by global-setup.ts
  const child = spawn(process.execPath, ["scripts/run.mjs", "start"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL endpoint: (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`npm start exited with ${code} before it was ready:\n${output}`)));
  });
  return { child, url, output: () => output };
}

function exited(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const began = Date.now();
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, ms: Date.now() - began })));
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("npm start", () => {
  it("creates the embedded database on first start, answers, and stops on SIGTERM within 5 s", async () => {
    const run = start();
    const url = await run.url;
    // a new database is unpacked from the template `npm run build` made: no cluster to create, no rows to load
    expect(run.output()).toMatch(/created from the build's template/);
    expect(existsSync(path.join(dataDir, "pglite"))).toBe(true);
    const res = await postGraphQL(
      url,
      `{ labourMarketRegion(code: "AM01") { population { value } municipalities { totalCount } } }`,
    );
    expect(res.data).toEqual({
      labourMarketRegion: { population: { value: 763_315 }, municipalities: { totalCount: 14 } },
    });
    const stopped = exited(run.child);
    run.child.kill("SIGTERM");
    const { code, ms } = await stopped;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5_000);
  }, 90_000);

  it("finishes a request in flight when SIGTERM arrives, then exits", async () => {
    const run = start();
    const url = await run.url;
    // a query of a few hundred milliseconds, still running when the signal arrives
    const slow = postGraphQL(
      url,
      `{ buigNational(year: 2017) { municipalTotal { budget { value } result { amount } safetyNetPayments { value } } } }`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = exited(run.child);
    run.child.kill("SIGTERM");
    const res = await slow;
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data!.buigNational.municipalTotal.budget.value).toBe("5800000000.00");
    const { code, ms } = await stopped;
    expect(code, run.output()).toBe(0);
    expect(ms).toBeLessThan(5_000);
  }, 90_000);

  it("reuses the database on the next start and stops on SIGINT", async () => {
    const run = start();
    const url = await run.url;
    expect(run.output()).not.toMatch(/applied migrations|loaded data/);
    const res = await postGraphQL(url, `{ municipality(name: "sudwest-fryslan") { code } }`);
    expect(res.data).toEqual({ municipality: { code: "GM1900" } });
    const stopped = exited(run.child);
    run.child.kill("SIGINT");
    expect((await stopped).code).toBe(0);
  }, 90_000);
});
