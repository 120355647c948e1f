import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../src/app.ts";
import { SUPERGRAPH_FILE } from "../../src/federation/supergraph-file.ts";
import { startGateway, type RunningGateway } from "../../src/gateway/gateway.ts";
import { SUBGRAPHS } from "../../src/subgraphs/registry.ts";
import { startSubgraphServer, type RunningSubgraph } from "../../src/subgraphs/server.ts";
import { BACKENDS, type TestDatabase } from "../support/databases.ts";
import { leaksIn } from "../support/leaks.ts";
import { startTestStack, type TestStack } from "../support/stack.ts";
import { startProxiedStack, type TcpProxy } from "../support/tcp-proxy.ts";

const MIXED = `{ labourMarketRegion(code: "AM01") { name jobAgreement(year: 2021) { jobs } } }`;
const readinessOf = async (url: string) => {
  const res = await fetch(url.replace(/\/graphql$/, "/readiness"));
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as { status: string; subgraphs?: Record<string, string> } };
};
/** a request through the gateway, its body checked for internals */
async function gql(url: string, query: string) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const text = await res.text();
  expect(leaksIn(text), text).toEqual([]);
  return { status: res.status, ...(JSON.parse(text) as { data?: any; errors?: any[] }) };
}

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

  it("answers what the others can, names only the missing subgraph, and recovers when it returns", async () => {
    expect((await gql(stack.gateway.url, MIXED)).errors).toBeUndefined();

    await stack.subgraphs.uwv.stop();
    const referenceOnly = await gql(
      stack.gateway.url,
      `{ labourMarketRegion(code: "AM01") { name municipalityCount } }`,
    );
    expect(referenceOnly.errors).toBeUndefined();
    expect(referenceOnly.data).toEqual({ labourMarketRegion: { name: "Groningen", municipalityCount: 14 } });

    const partial = await gql(stack.gateway.url, MIXED);
    expect(partial.status).toBe(200);
    expect(partial.data).toEqual({ labourMarketRegion: { name: "Groningen", jobAgreement: null } });
    expect(partial.errors).toEqual([
      {
        message: "The uwv subgraph did not answer; the rest of the result is complete.",
        path: ["labourMarketRegion"],
        extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: "uwv" },
      },
    ]);
    const onlyUwv = await gql(stack.gateway.url, `{ jobAgreement(year: 2021) { year } }`);
    expect(onlyUwv.status).toBeLessThan(500);
    expect(onlyUwv.errors?.[0]?.extensions).toEqual({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "uwv" });

    const readiness = await readinessOf(stack.gateway.url);
    expect(readiness.status).toBe(503);
    expect(leaksIn(readiness.text)).toEqual([]);
    expect(readiness.body).toEqual({
      status: "not ready",
      subgraphs: { reference: "ready", municipal: "ready", uwv: "not reachable: connection refused" },
    });

    restarted = await startSubgraphServer(SUBGRAPHS.uwv, stack.databases.uwv, {
      port: stack.subgraphs.uwv.port,
      host: "127.0.0.1",
      log: () => {},
    });
    const recovered = await gql(stack.gateway.url, MIXED);
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data!.labourMarketRegion.jobAgreement.jobs).toMatch(/^\d+\.\d\d$/);
    expect((await readinessOf(stack.gateway.url)).status).toBe(200);
  });

  it("answers SUBGRAPH_UNAVAILABLE, not a 504, when a subgraph does not answer in time", async () => {
    // a subgraph that accepts connections and never answers
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
    let gateway: RunningGateway | undefined;
    try {
      gateway = await startGateway({
        supergraph: SUPERGRAPH_FILE,
        subgraphUrls: {
          reference: stack.subgraphs.reference.url,
          municipal: stack.subgraphs.municipal.url,
          uwv: silentUrl,
        },
        port: 0,
        host: "127.0.0.1",
        logging: false,
        limits: { subgraphTimeoutMs: 300 },
      });
      const partial = await gql(gateway.url, MIXED);
      expect(partial.status).toBe(200);
      expect(partial.data).toEqual({ labourMarketRegion: { name: "Groningen", jobAgreement: null } });
      expect(partial.errors?.map((e) => e.extensions)).toEqual([{ code: "SUBGRAPH_UNAVAILABLE", serviceName: "uwv" }]);
      const readiness = await readinessOf(gateway.url);
      expect(readiness.body.subgraphs?.uwv).toBe("not reachable: no answer within 1500 ms");
    } finally {
      await gateway?.stop(100);
      silent.closeAllConnections();
      silent.close();
    }
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

  it("reports not ready in plain words, fails fast with a clear error, and keeps every process up", async () => {
    const location = stack.databases.municipal.server.location;
    if (location.kind === "postgresql") {
      // the database disappears under the running service
      const url = new URL(location.url);
      const name = url.pathname.slice(1);
      url.pathname = "/postgres";
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      await admin.end();
    } else {
      await stack.databases.municipal.server.close();
    }
    const res = await gql(stack.gateway.url, `{ buigNational(year: 2017) { macrobudget { value } } }`);
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
    expect(res.errors?.[0]?.message).toMatch(/database is unavailable/);
    const readiness = await readinessOf(stack.gateway.url);
    expect(readiness.status).toBe(503);
    expect(leaksIn(readiness.text)).toEqual([]);
    expect(readiness.body.subgraphs?.municipal).toBe("not ready: its database is unavailable");
    // the gateway and the subgraphs still answer
    expect((await fetch(stack.gateway.url.replace(/\/graphql$/, "/healthcheck"))).status).toBe(200);
    expect((await fetch(stack.subgraphs.municipal.url.replace(/\/graphql$/, "/healthcheck"))).status).toBe(200);
  });
});

// Network faults of a database server: PostgreSQL only (PGlite runs in the process)
describe.each(BACKENDS.filter((b) => b.name === "postgresql"))(
  "when PostgreSQL fails under load ($name)",
  (backend) => {
    let db: TestDatabase;
    let proxy: TcpProxy;
    let stack: Stack;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ db, proxy, stack, close } = await startProxiedStack(backend));
    });
    afterAll(async () => {
      await close?.();
    });

    const BOTH = `{ municipality(code: "GM0363") { name } buigNational(year: 2017) { macrobudget { value } } }`;

    it("answers DATABASE_UNAVAILABLE from the database timeouts, not the gateway's, when the database goes silent", async () => {
      expect((await gql(stack.gateway.url, BOTH)).errors).toBeUndefined();
      proxy.freeze();
      try {
        const began = Date.now();
        const res = await gql(stack.gateway.url, BOTH);
        // the subgraph's own answer (not the gateway's 10 s timeout): its database gave up first
        expect(Date.now() - began).toBeLessThan(9_000);
        expect(res.status).toBe(200);
        expect(res.data).toEqual({ municipality: null, buigNational: null });
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(["DATABASE_UNAVAILABLE", "DATABASE_UNAVAILABLE"]);
        const readiness = await readinessOf(stack.gateway.url);
        expect(readiness.status).toBe(503);
        expect(leaksIn(readiness.text)).toEqual([]);
        expect(readiness.body.subgraphs?.municipal).toBe("not ready: its database did not answer in time");
      } finally {
        proxy.thaw();
      }
    }, 60_000);

    it("answers DATABASE_UNAVAILABLE when the database refuses new connections (SQLSTATE 55000)", async () => {
      const url = new URL((db.location as { url: string }).url);
      const name = url.pathname.slice(1);
      url.pathname = "/postgres";
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      try {
        await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
        const res = await gql(stack.gateway.url, `{ buigNational(year: 2017) { macrobudget { value } } }`);
        expect(res.status).toBe(200);
        expect(res.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
      } finally {
        await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
        await admin.end();
      }
      // and serves again once it accepts them
      const again = await gql(stack.gateway.url, `{ buigNational(year: 2017) { macrobudget { value } } }`);
      expect(again.errors).toBeUndefined();
    }, 60_000);

    it("answers DATABASE_UNAVAILABLE when connections are refused", async () => {
      await proxy.close();
      const res = await gql(stack.gateway.url, BOTH);
      expect(res.status).toBe(200);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(["DATABASE_UNAVAILABLE", "DATABASE_UNAVAILABLE"]);
    }, 60_000);
  },
);

describe("the database error classification", () => {
  it("goes by SQLSTATE class, Prisma code and socket code, not by message", async () => {
    const { isDatabaseUnavailable } = await import("../../src/subgraphs/server.ts");
    for (const code of [
      "08006",
      "08001",
      "53300",
      "55000",
      "55P03",
      "57014",
      "57P01",
      "3D000",
      "ECONNREFUSED",
      "P1001",
    ])
      expect(isDatabaseUnavailable(Object.assign(new Error("anything"), { code })), code).toBe(true);
    expect(isDatabaseUnavailable({ meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } })).toBe(
      true,
    );
    expect(isDatabaseUnavailable({ cause: { originalCode: "57P03" } })).toBe(true);
    for (const code of ["23505", "42P01", "22P02", "P2002", undefined])
      expect(
        isDatabaseUnavailable(Object.assign(new Error("Can't reach database server: connection refused"), { code })),
        String(code),
      ).toBe(false);
  });
});
