// npm run bench [-- --pglite] [--duration 10] [--warmup 3] [--connections 20]
//
// Portal workloads through this gateway (Hive Gateway runtime + Rust planner) and through Apollo
// Gateway in Apollo Server, over the same supergraph and the same subgraphs (one process) on
// PostgreSQL (or PGlite with --pglite), loaded with the default synthetic data: all 342
// municipalities × 10 years. Each gateway runs in a process of its own so its CPU time is its own.
// Prints, per query and for the mix: requests/s, p50/p99 latency, gateway CPU ms per request, the
// gateway's peak RSS and SQL statements per request; then the ratios. Prints figures; asserts nothing.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";

const { values: args } = parseArgs({
  options: {
    pglite: { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "20" },
  },
});
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const CONNECTIONS = Number(args.connections);

/** The portal workloads, in the mix in these proportions. */
const QUERIES = [
  {
    name: "single municipality",
    weight: 4,
    query: `{ municipality(code: "GM0363") { code name population { value } province { name } labourMarketRegion { name } } }`,
  },
  {
    name: "region page with members",
    weight: 3,
    query: `{ labourMarketRegion(code: "AM01") { name population { value } municipalities(first: 50) { nodes { code name population { value } } } } }`,
  },
  {
    name: "all municipalities with budget results",
    weight: 1,
    query: `{ municipalities(first: 500) { nodes { code name buig(year: 2017) { result { amount percentOfBudget } } } } }`,
  },
  {
    name: "national job-agreement table",
    weight: 2,
    query: `{ jobAgreement(year: 2021) { sectors { sector extraJobs { value } publishedExtraJobs { value } target { value } shortfall { value } progressPercent } } }`,
  },
  {
    name: "region × year job figures",
    weight: 1,
    query: `{ labourMarketRegions { name jobAgreementSeries(fromYear: 2015, toYear: 2024) { period jobs extraJobs } } }`,
  },
];
const DIRECT_QUERY = `{ municipality(code: "GM0363") { code name population { value } } }`;

type Message = { type: string; [key: string]: unknown };

function child(script: string, env: Record<string, string>): Promise<{ process: ChildProcess; ready: Message }> {
  const proc = fork(path.join(import.meta.dirname, "bench", script), [], {
    env: { ...process.env, ...env },
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    proc.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
    proc.on("message", (m: Message) => m.type === "ready" && resolve({ process: proc, ready: m }));
  });
}

function ask<T extends Message>(proc: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: Message) => {
      if (m.type !== type) return;
      proc.off("message", onMessage);
      resolve(m as T);
    };
    proc.on("message", onMessage);
    proc.send({ type });
  });
}

const body = (query: string) => JSON.stringify({ query });

async function load(url: string, bodies: string[], seconds: number) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: bodies.map((b) => ({ method: "POST", body: b })),
  });
  return result;
}

interface Row {
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number | null;
  peakRssMb: number | null;
  sqlPerRequest: number;
  errors: number;
}

async function measure(
  url: string,
  bodies: string[],
  gateway: ChildProcess | null,
  subgraphs: ChildProcess,
): Promise<Row> {
  if (WARMUP > 0) await load(url, bodies, WARMUP);
  const before = gateway ? await ask<Message & { cpuMicros: number }>(gateway, "usage") : null;
  const sqlBefore = await ask<Message & { counts: Record<string, number> }>(subgraphs, "sql");
  const result = await load(url, bodies, DURATION);
  const after = gateway ? await ask<Message & { cpuMicros: number; maxRssKb: number }>(gateway, "usage") : null;
  const sqlAfter = await ask<Message & { counts: Record<string, number> }>(subgraphs, "sql");
  const requests = result.requests.total || 1;
  const sql = Object.keys(sqlAfter.counts).reduce((s, k) => s + sqlAfter.counts[k]! - sqlBefore.counts[k]!, 0);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest: before && after ? (after.cpuMicros - before.cpuMicros) / 1000 / requests : null,
    peakRssMb: after ? after.maxRssKb / 1024 : null,
    sqlPerRequest: sql / requests,
    errors: result.errors + result.non2xx,
  };
}

const fmt = (n: number | null, digits = 1) => (n === null ? "–" : n.toFixed(digits));

// ------------------------------------------------------------------------------------------------

const cleanup: (() => Promise<void> | void)[] = [];
const children: ChildProcess[] = [];
try {
  let location: object;
  if (args.pglite) {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-"));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    location = { kind: "pglite", dataDir: path.join(dir, "pglite") };
  } else {
    const admin = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
    const name = `bench_${process.pid}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    cleanup.push(async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    });
    const url = new URL(admin);
    url.pathname = `/${name}`;
    location = { kind: "postgresql", url: url.toString() };
  }
  console.log(
    `bench: ${args.pglite ? "PGlite" : "PostgreSQL"}, synthetic data 342 municipalities × 10 years; ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per run`,
  );

  const sub = await child("subgraphs.ts", { BENCH_DATABASE: JSON.stringify(location) });
  children.push(sub.process);
  const subgraphUrls = JSON.stringify(sub.ready.urls);
  const hive = await child("gateway-hive.ts", { BENCH_SUBGRAPHS: subgraphUrls });
  const apollo = await child("gateway-apollo.ts", { BENCH_SUBGRAPHS: subgraphUrls });
  children.push(hive.process, apollo.process);

  const mix = QUERIES.flatMap((q) => Array.from({ length: q.weight }, () => body(q.query)));
  const workloads = [...QUERIES.map((q) => ({ name: q.name, bodies: [body(q.query)] })), { name: "mix", bodies: mix }];
  const results: Record<string, { hive: Row; apollo: Row }> = {};
  for (const w of workloads) {
    const h = await measure(String(hive.ready.url), w.bodies, hive.process, sub.process);
    const a = await measure(String(apollo.ready.url), w.bodies, apollo.process, sub.process);
    results[w.name] = { hive: h, apollo: a };
    console.log(
      `${w.name.padEnd(40)} hive ${fmt(h.rps, 0).padStart(6)} rps p50 ${fmt(h.p50)} p99 ${fmt(h.p99)} ms cpu ${fmt(h.cpuMsPerRequest, 2)} ms/req sql ${fmt(h.sqlPerRequest, 2)}/req${h.errors ? ` ERRORS ${h.errors}` : ""}` +
        ` | apollo ${fmt(a.rps, 0).padStart(6)} rps p50 ${fmt(a.p50)} p99 ${fmt(a.p99)} ms cpu ${fmt(a.cpuMsPerRequest, 2)} ms/req${a.errors ? ` ERRORS ${a.errors}` : ""}` +
        ` | ${fmt(h.rps / a.rps, 2)}x`,
    );
  }

  // gateway overhead on a single-subgraph query: the same request direct and through the gateway
  const direct = await measure(
    String((sub.ready.urls as Record<string, string>).reference),
    [body(DIRECT_QUERY)],
    null,
    sub.process,
  );
  const through = await measure(String(hive.ready.url), [body(DIRECT_QUERY)], hive.process, sub.process);
  const overhead = (through.p50 - direct.p50) / direct.p50;

  const m = results.mix!;
  console.log("");
  console.log(`peak RSS: hive gateway ${fmt(m.hive.peakRssMb, 0)} MB, apollo gateway ${fmt(m.apollo.peakRssMb, 0)} MB`);
  console.log(
    `SQL statements per request (mix): ${fmt(m.hive.sqlPerRequest, 2)}; all-municipalities query ${fmt(results["all municipalities with budget results"]!.hive.sqlPerRequest, 2)}`,
  );
  console.log(
    `gateway CPU per request (mix): hive ${fmt(m.hive.cpuMsPerRequest, 2)} ms, apollo ${fmt(m.apollo.cpuMsPerRequest, 2)} ms`,
  );
  console.log(
    `single-subgraph query: direct p50 ${fmt(direct.p50)} ms (${fmt(direct.rps, 0)} rps), through the gateway p50 ${fmt(through.p50)} ms (${fmt(through.rps, 0)} rps): overhead ${fmt(overhead * 100, 0)} %`,
  );
  console.log(`bench: mix ${m.hive.rps.toFixed(0)} rps, ${(m.hive.rps / m.apollo.rps).toFixed(2)}x apollo-gateway`);
} finally {
  // SIGKILL: the gateway runtime handles SIGTERM itself and may linger
  for (const c of children) c.kill("SIGKILL");
  for (const f of cleanup) await f();
}
