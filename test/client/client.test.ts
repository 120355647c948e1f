import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalStack } from "../../src/app.ts";
import { readPersistedDocuments } from "../../src/config.ts";
import {
  createClient,
  GraphQLRequestError,
  JobAgreementDocument,
  MunicipalityDocument,
} from "../../src/client/index.ts";
import { BACKENDS, type TestDatabase } from "../support/databases.ts";
import { postGraphQL } from "../support/stack.ts";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

describe("the typed client against a gateway that accepts only persisted documents", () => {
  let db: TestDatabase;
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  beforeAll(async () => {
    db = await BACKENDS[0]!.seeded();
    stack = await startLocalStack(db.location, {
      persistedDocuments: { manifest: readPersistedDocuments(), only: true },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await db?.drop();
  });

  it("runs the example script: a region's job-agreement progress and a municipality's BUIG result", async () => {
    const { stdout } = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "examples/portal-client.ts",
        "--url",
        stack.gateway.url,
        "--region",
        "AM18",
        "--municipality",
        "GM0363",
        "--year",
        "2017",
      ],
      { cwd: root },
    );
    expect(stdout).toContain("Job agreement in Groot Amsterdam (AM18)");
    expect(stdout).toMatch(/2021Q4 {2}jobs \d+\.\d\d {2}extra on 2012 -?\d+\.\d\d/);
    expect(stdout).toContain("BUIG 2017 of Amsterdam (GM0363):");
    expect(stdout).toMatch(/result {3}€ -?\d+\.\d\d = -?\d+\.\d\d % of the budget/);
  });

  it("gets typed data by hash", async () => {
    const client = createClient({ url: stack.gateway.url });
    const data = await client.request(MunicipalityDocument, { name: "sudwest-fryslan" });
    expect(data.municipality?.code).toBe("GM1900");
    const jobs = await client.request(JobAgreementDocument, { year: 2021 });
    expect(jobs.jobAgreement?.sectors.find((s) => s.sector === "GOVERNMENT")?.shortfall?.value).toBe("8158");
  });

  it("refuses documents that are not persisted, with a clear error and no 5xx", async () => {
    const res = await postGraphQL(stack.gateway.url, `{ municipality(code: "GM0363") { name } }`);
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0]?.message).toMatch(/persisted/i);
    const client = createClient({ url: stack.gateway.url, persisted: false });
    await expect(client.request(MunicipalityDocument, { code: "GM0363" })).rejects.toBeInstanceOf(GraphQLRequestError);
    const unknown = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }),
    });
    expect(unknown.status).toBeLessThan(500);
    expect(JSON.stringify(await unknown.json())).toMatch(/not ?found/i);
  });

  it("reports GraphQL errors from a typed request", async () => {
    const client = createClient({ url: stack.gateway.url });
    const error = await client.request(MunicipalityDocument, { code: "GM03" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect((error as GraphQLRequestError).errors[0]!.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
