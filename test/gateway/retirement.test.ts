import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { CHANGE_CHANNEL } from "../../src/db/data-cache.ts";
import { startRetirement, type Retirement } from "../../src/gateway/retirement.ts";
import { BACKENDS, type TestDatabase } from "../support/databases.ts";

const REDIS_URL = process.env.REDIS_URL;
const postgres = BACKENDS.find((b) => b.name === "postgresql");

/** Waits (bounded) until `check` holds: pub/sub and NOTIFY arrive asynchronously. */
async function eventually(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("the response cache's generation", () => {
  const started: Retirement[] = [];
  const start = async (...args: Parameters<typeof startRetirement>) => {
    const retirement = await startRetirement(...args);
    started.push(retirement);
    return retirement;
  };
  afterAll(() => Promise.all(started.map((retirement) => retirement.stop())));

  it.skipIf(!REDIS_URL)(
    "is one counter in Redis for every replica, and a retirement by one reaches the others",
    async () => {
      const namespace = `retirement-${process.pid}-${Date.now()}`;
      const [a, b] = await Promise.all([
        start({ namespace, redisUrl: REDIS_URL! }),
        start({ namespace, redisUrl: REDIS_URL! }),
      ]);
      expect(a.current()).toBe(b.current());
      const before = a.current();
      await a.retire();
      expect(a.current()).not.toBe(before);
      await eventually(() => b.current() === a.current());
      expect(b.current()).toBe(a.current());
      // a replica started later reads the counter: it does not reuse an old generation
      const c = await start({ namespace, redisUrl: REDIS_URL! });
      expect(c.current()).toBe(a.current());
    },
  );

  it("goes its own way when Redis cannot be reached, and still retires its own entries", async () => {
    const warnings: string[] = [];
    const alone = await start({
      namespace: "unreachable",
      redisUrl: "redis://127.0.0.1:1",
      warn: (message) => void warnings.push(message),
    });
    const before = alone.current();
    await alone.retire();
    expect(alone.current()).not.toBe(before);
    expect(warnings.join("\n")).toMatch(/Redis unavailable/);
  });

  describe.skipIf(!postgres)("on PostgreSQL", () => {
    let db: TestDatabase;
    afterAll(() => db?.drop());

    it("moves on when any process announces a change of the data (NOTIFY)", async () => {
      db = await postgres!.fresh();
      if (db.location.kind !== "postgresql") throw new Error("expected PostgreSQL");
      const listening = await start({ namespace: "notify", databaseUrls: [db.location.url] });
      const before = listening.current();
      // the listener connects in the background: announce until it has heard (an import announces once)
      const client = new pg.Client({ connectionString: db.location.url });
      await client.connect();
      try {
        const deadline = Date.now() + 10_000;
        while (listening.current() === before && Date.now() < deadline) {
          await client.query(`SELECT pg_notify('${CHANGE_CHANNEL}', '')`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } finally {
        await client.end();
      }
      expect(listening.current()).not.toBe(before);
    });
  });
});
