// npm run bench:latency — gateway overhead on one simple query: the same request sent N times
// straight to the reference subgraph and through the gateway, one at a time, after a warm-up.
// Also prints the SQL statements the 342-municipality query makes. Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startLocalStack } from "../src/app.ts";

const N = Number(process.env.N ?? 500);
const dir = mkdtempSync(path.join(tmpdir(), "latency-"));
const location = process.env.DATABASE_URL
  ? ({ kind: "postgresql", url: process.env.DATABASE_URL } as const)
  : ({ kind: "pglite", dataDir: path.join(dir, "pglite") } as const);
const stack = await startLocalStack(location);

async function post(url: string, query: string): Promise<unknown> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body;
}

async function timings(url: string, query: string): Promise<number[]> {
  for (let i = 0; i < 50; i++) await post(url, query);
  const ms: number[] = [];
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    await post(url, query);
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b);
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const simple = `{ municipality(code: "GM0363") { code name population { value } } }`;
const direct = await timings(stack.subgraphs.reference.url, simple);
const gateway = await timings(stack.gateway.url, simple);
console.log(`database: ${location.kind}; ${N} sequential requests each`);
console.log(`direct to subgraph: p50 ${pct(direct, 50).toFixed(2)} ms, p99 ${pct(direct, 99).toFixed(2)} ms`);
console.log(`through gateway:    p50 ${pct(gateway, 50).toFixed(2)} ms, p99 ${pct(gateway, 99).toFixed(2)} ms`);
console.log(
  `gateway overhead:   p50 +${(pct(gateway, 50) - pct(direct, 50)).toFixed(2)} ms (${((pct(gateway, 50) / pct(direct, 50) - 1) * 100).toFixed(0)} %)`,
);

const all = `{ municipalities(first: 500) { nodes { code name province { name } labourMarketRegion { code name } population { value source { publisher } } } } }`;
const before = stack.databases.reference.stats.queries;
await post(stack.gateway.url, all);
console.log(
  `342 municipalities with region, province, population: ${stack.databases.reference.stats.queries - before} SQL statements`,
);

const budgets = `{ municipalities(first: 500) { nodes { code labourMarketRegion { name } buig(year: 2017) { result { amount percentOfBudget } safetyNet { payment } } } } }`;
const sql = () => ({
  ...Object.fromEntries(Object.entries(stack.databases).map(([name, db]) => [name, db.stats.queries])),
});
const start = sql();
let t = performance.now();
await post(stack.gateway.url, budgets);
const end = sql();
console.log(
  `342 municipalities with region and 2017 BUIG result: ${(performance.now() - t).toFixed(0)} ms, SQL statements: ` +
    Object.keys(end)
      .map((k) => `${k} ${end[k]! - start[k]!}`)
      .join(", "),
);
t = performance.now();
await post(
  stack.gateway.url,
  `{ buigNational(year: 2017) { municipalTotal { budget { value } result { amount } safetyNetPayments { value } } budgetDifference { value } } }`,
);
console.log(`national 2017 BUIG with the sum over all municipalities: ${(performance.now() - t).toFixed(0)} ms`);

await stack.stop();
rmSync(dir, { recursive: true, force: true });
