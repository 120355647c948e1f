import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES } from "../../src/subgraphs/subgraph.ts";
import { BACKENDS, type TestDatabase } from "../support/databases.ts";
import { runData, startGatewayProcess, startSubgraphProcess, type ServiceProcess } from "../support/processes.ts";

const postgres = BACKENDS.find((b) => b.name === "postgresql");
const REDIS_URL = process.env.REDIS_URL;
const JWT_SECRET = "a-test-secret-that-is-long-enough-for-hs256!";
const SIGNING = "subgraph-signing-secret-of-at-least-32-chars";

const READ = `{ municipality(code: "GM0014") { buig(year: 2017) { spending { value source { kind document } } } } }`;
const WRITE = `mutation ($spending: Euro!) {
  submitBuigSpending(input: { municipalityCode: "GM0014", year: 2017, spending: $spending, source: { publisher: "Gemeente Groningen", document: "Jaarrekening 2017", date: "2018-06-30" } }) { changed }
}`;

interface Answer {
  data?: any;
  errors?: unknown[];
  extensions?: { responseCache?: { hit?: boolean } };
}

async function post(url: string, query: string, variables?: object, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

// Two gateway replicas and the three subgraphs, each a process of its own, over one PostgreSQL and
// one Redis: what a deployment behind a load balancer runs.
describe.skipIf(!postgres || !REDIS_URL)("gateway replicas over one PostgreSQL and one Redis", () => {
  let db: TestDatabase;
  let url: string;
  const subgraphs: ServiceProcess[] = [];
  const gateways: ServiceProcess[] = [];
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "replicas-"));
    db = await postgres!.fresh();
    if (db.location.kind !== "postgresql") throw new Error("expected PostgreSQL");
    url = db.location.url;
    const shared = { DATABASE_URL: url, SUBGRAPH_SIGNING_SECRET: SIGNING };
    // each subgraph migrates and seeds its own schema: they may start together
    subgraphs.push(...(await Promise.all(SUBGRAPH_NAMES.map((name) => startSubgraphProcess(name, shared)))));
    const gatewayEnv = {
      ...shared,
      ...Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [`${name.toUpperCase()}_URL`, subgraphs[i]!.url])),
      JWT_SECRET,
      RESPONSE_CACHE_TTL_SECONDS: "300",
      REDIS_URL: REDIS_URL!,
      RESPONSE_CACHE_NAMESPACE: `replicas-${process.pid}-${Date.now()}`,
      // the response cache says in each answer whether it came from the cache (extensions.responseCache)
      DEBUG: "1",
    };
    gateways.push(...(await Promise.all([startGatewayProcess(gatewayEnv), startGatewayProcess(gatewayEnv)])));
    // a second replica of the municipal subgraph, on the database the first one prepared
    subgraphs.push(await startSubgraphProcess("municipal", shared));
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...gateways, ...subgraphs].map((service) => service.stop()));
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("share one cache, and a write through one replica is read through the other at once", async () => {
    const [a, b] = gateways.map((gateway) => gateway.url) as [string, string];
    const first = await post(a, READ);
    expect(first.data.municipality.buig.spending.source.kind).toBe("SYNTHETIC");
    // the other replica answers from the entry the first one stored
    const shared = await post(b, READ);
    expect(shared.extensions?.responseCache?.hit).toBe(true);
    expect(shared.data).toEqual(first.data);

    const token = await new SignJWT({ roles: ["municipality:GM0014"] })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode(JWT_SECRET));
    const write = await post(a, WRITE, { spending: "4242.00" }, { authorization: `Bearer ${token}` });
    expect(write.errors).toBeUndefined();
    expect(write.data.submitBuigSpending.changed).toBe(true);

    // at once, without waiting: the other replica no longer serves the cached answer
    const fresh = await post(b, READ);
    expect(fresh.extensions?.responseCache?.hit).toBe(false);
    expect(fresh.data.municipality.buig.spending).toEqual({
      value: "4242.00",
      source: { kind: "OFFICIAL", document: "Jaarrekening 2017" },
    });
    // and both replicas share the new entry again
    expect((await post(a, READ)).extensions?.responseCache?.hit).toBe(true);
  });

  it("keeps subgraph replicas in step: a write through one replica is served by the other", async () => {
    const replica = subgraphs[3]!.url;
    const ENTITY = `{ _entities(representations: [{ __typename: "Municipality", code: "GM0014" }]) { ... on Municipality { buig(year: 2017) { spending { value } } } } }`;
    const spending = async () => (await post(replica, ENTITY)).data._entities[0].buig.spending.value as string;
    // read once: now in the replica's own cache
    const before = await spending();
    const token = await new SignJWT({ roles: ["municipality:GM0014"] })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode(JWT_SECRET));
    // through a gateway, to the first municipal replica
    const write = await post(gateways[0]!.url, WRITE, { spending: "5151.00" }, { authorization: `Bearer ${token}` });
    expect(write.errors).toBeUndefined();
    expect(before).not.toBe("5151.00");
    // the writer's NOTIFY empties the other replica's cache (asynchronously: bounded wait)
    const deadline = Date.now() + 10_000;
    let value = await spending();
    while (value !== "5151.00" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      value = await spending();
    }
    expect(value).toBe("5151.00");
  });

  it("retires the cached answers of every running replica when `npm run data -- import` changes the data", async () => {
    const [a, b] = gateways.map((gateway) => gateway.url) as [string, string];
    const before = await post(a, READ);
    expect((await post(b, READ)).extensions?.responseCache?.hit).toBe(true);

    const file = path.join(dir, "spending.csv");
    writeFileSync(file, "year,municipality_code,spending_eur\n2017,GM0014,123456789.01\n");
    const run = await runData(
      [
        "import",
        "buig-spending",
        file,
        "--source-publisher",
        "Gemeente Groningen",
        "--source-document",
        "Jaarrekening 2017 (herzien)",
        "--source-date",
        "2018-09-30",
      ],
      { DATABASE_URL: url },
    );
    expect(run.code, run.stderr).toBe(0);

    // the import's NOTIFY reaches the gateways (and the subgraph) asynchronously: wait for it, bounded
    for (const gateway of [a, b]) {
      const deadline = Date.now() + 15_000;
      let spending = before.data.municipality.buig.spending;
      while (spending.value !== "123456789.01" && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        spending = (await post(gateway, READ)).data.municipality.buig.spending;
      }
      expect(spending).toEqual({
        value: "123456789.01",
        source: { kind: "OFFICIAL", document: "Jaarrekening 2017 (herzien)" },
      });
    }
  });
});
