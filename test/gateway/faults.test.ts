import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPHS } from "../../src/subgraphs/registry.ts";
import { startSubgraphServer, type RunningSubgraph } from "../../src/subgraphs/server.ts";
import { BACKENDS } from "../support/databases.ts";
import { startTestStack, type TestStack } from "../support/stack.ts";

describe("when a subgraph is down", () => {
  let stack: TestStack;
  let restarted: RunningSubgraph | undefined;
  beforeAll(async () => {
    stack = await startTestStack(BACKENDS[0]!);
  });
  afterAll(async () => {
    await restarted?.stop();
    await stack?.close();
  });

  it("answers what the others can, names the missing subgraph, and recovers when it returns", async () => {
    const mixed = `{ labourMarketRegion(code: "AM01") { name jobAgreement(year: 2021) { jobs } } }`;
    expect((await stack.gql(mixed)).errors).toBeUndefined();

    await stack.subgraphs.uwv.stop();
    const referenceOnly = await stack.gql(`{ labourMarketRegion(code: "AM01") { name municipalityCount } }`);
    expect(referenceOnly.errors).toBeUndefined();
    expect(referenceOnly.data).toEqual({ labourMarketRegion: { name: "Groningen", municipalityCount: 14 } });

    const partial = await stack.gql(mixed);
    expect(partial.status).toBeLessThan(500);
    expect(partial.data).toEqual({ labourMarketRegion: { name: "Groningen", jobAgreement: null } });
    expect(partial.errors?.[0]?.extensions).toMatchObject({ serviceName: "uwv" });

    const readiness = await fetch(stack.gateway.url.replace(/\/graphql$/, "/readiness"));
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({
      status: "not ready",
      subgraphs: { reference: "ready", municipal: "ready" },
    });

    restarted = await startSubgraphServer(SUBGRAPHS.uwv, stack.databases.uwv, {
      port: stack.subgraphs.uwv.port,
      host: "127.0.0.1",
      log: () => {},
    });
    const recovered = await stack.gql(mixed);
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data!.labourMarketRegion.jobAgreement.jobs).toMatch(/^\d+\.\d\d$/);
    expect((await fetch(stack.gateway.url.replace(/\/graphql$/, "/readiness"))).status).toBe(200);
  });
});

describe.each(BACKENDS)("when a subgraph's database is gone ($name)", (backend) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(backend);
  });
  afterAll(async () => {
    await stack?.close().catch(() => {});
  });

  it("reports not ready, fails fast with a clear error, and keeps every process up", async () => {
    const location = stack.databases.municipal.server.location;
    if (location.kind === "postgresql") {
      // the database disappears under the running service
      const url = new URL(location.url);
      const name = url.pathname.slice(1);
      url.pathname = "/postgres";
      const pg = (await import("pg")).default;
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      await admin.end();
    } else {
      await stack.databases.municipal.server.close();
    }
    const began = Date.now();
    const res = await stack.gql(`{ buigNational(year: 2017) { macrobudget { value } } }`);
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
    expect(res.errors?.[0]?.message).toMatch(/database is unavailable/);
    const readiness = await fetch(stack.gateway.url.replace(/\/graphql$/, "/readiness"));
    expect(readiness.status).toBe(503);
    expect(JSON.stringify(await readiness.json())).toMatch(/municipal.*not ready/);
    // the gateway and the subgraphs still answer
    expect((await fetch(stack.gateway.url.replace(/\/graphql$/, "/healthcheck"))).status).toBe(200);
    expect((await fetch(stack.subgraphs.municipal.url.replace(/\/graphql$/, "/healthcheck"))).status).toBe(200);
  });
});
