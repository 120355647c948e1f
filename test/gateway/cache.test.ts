import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalStack } from "../../src/app.ts";
import { BACKENDS, type TestDatabase } from "../support/databases.ts";

const SECRET = "a-test-secret-that-is-long-enough-for-hs256!";
const stores = [
  { name: "in memory", redisUrl: undefined },
  ...(process.env.REDIS_URL ? [{ name: "in Redis", redisUrl: process.env.REDIS_URL }] : []),
];

describe.each(stores)("response caching $name", ({ redisUrl }) => {
  let db: TestDatabase;
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  beforeAll(async () => {
    db = await BACKENDS[0]!.seeded();
    stack = await startLocalStack(db.location, {
      auth: { jwt: { secret: SECRET }, signingSecret: "subgraph-signing-secret-of-at-least-32-chars" },
      responseCache: {
        ttlMs: 60_000,
        ...(redisUrl ? { redisUrl } : {}),
        namespace: `test-${process.pid}-${Date.now()}`,
      },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await db?.drop();
  });

  const post = async (query: string, headers: Record<string, string> = {}) => {
    const r = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query }),
    });
    return (await r.json()) as { data?: any; errors?: unknown[] };
  };
  const sql = () => stack.databases.municipal.stats.queries;
  // the subgraphs keep their reads too: forget them, so that SQL shows a request reached a subgraph
  const emptySubgraphCaches = () => Object.values(stack.databases).forEach((db) => db.cache.invalidate());
  const READ = `{ municipality(code: "GM0014") { buig(year: 2017) { spending { value } } } }`;

  it("answers a repeated query from the cache, and a write through the gateway retires it", async () => {
    const first = await post(READ);
    emptySubgraphCaches();
    const afterFirst = sql();
    const second = await post(READ);
    expect(second).toEqual(first);
    expect(sql()).toBe(afterFirst); // no SQL: served from the cache
    // and counted as a hit on the gateway's /metrics
    const metrics = await (await fetch(new URL("/metrics", stack.gateway.url))).text();
    expect(metrics).toMatch(/^graphql_gateway_response_cache_lookups_total\{result="hit"\} [1-9]/m);

    const token = await new SignJWT({ roles: ["municipality:GM0014"] })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode(SECRET));
    const write = await post(
      `mutation { submitBuigSpending(input: { municipalityCode: "GM0014", year: 2017, spending: "4242.00", source: { publisher: "Gemeente Groningen", document: "Jaarrekening", date: "2018" } }) { changed } }`,
      { authorization: `Bearer ${token}` },
    );
    expect(write.errors).toBeUndefined();
    const fresh = await post(READ);
    expect(fresh.data.municipality.buig.spending.value).toBe("4242.00");
  });

  it("keeps responses of different roles apart", async () => {
    const token = await new SignJWT({ roles: ["ministry"] })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode(SECRET));
    await post(READ);
    emptySubgraphCaches();
    const before = sql();
    await post(READ, { authorization: `Bearer ${token}` });
    expect(sql()).toBeGreaterThan(before); // another role: not served from the public entry
  });
});
