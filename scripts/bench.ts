// npm run bench [-- --pglite] [--quick] [--duration 12] [--warmup 3] [--connections 20]
//                  [--peers ours,apollo-gateway,hive-gateway,grafbase] [--popular 30] [--skip-start]
//
// Every peer over the same three subgraphs (one process) and the same database (PostgreSQL, a database
// of its own created and dropped per run; PGlite with --pglite), loaded with the default data: 342
// municipalities × 10 years. Peers, each in a process of its own: our gateway (as `npm start` runs
// it), Apollo Gateway, bare Hive Gateway with the Rust planner, and Grafbase's native gateway.
// Scenarios: cold (arguments varied per request; response caches and in-flight de-duplication off in
// every gateway) and portal (a few popular arguments, Zipf-distributed; each gateway at its best
// documented setting). The load comes from a process of its own (autocannon). Also: our gateway's
// overhead on a one-subgraph query and the cold and warm start of `npm start`. Prints figures and the
// two summary lines; asserts nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import type { DatabaseLocation } from "../src/db/database.ts";
import {
  PEER_LAUNCHERS,
  ask,
  peerVersions,
  firstAnswer,
  postJson,
  productCommand,
  startLoad,
  startProduct,
  startSubgraphs,
  type Child,
} from "./bench/launch.ts";
import type { LoadResult, LoadRun } from "./bench/load.ts";
import type { PeerConfig } from "./bench/peer-config.ts";
import { cpuMs, freePorts, peakRssMb, processTree, redisAnswers } from "./bench/proc.ts";
import { ROOT, productOrigin } from "./bench/product.ts";
import {
  PEERS,
  firstDifference,
  summaryLines,
  tableHeader,
  tableRow,
  type PeerName,
  type Row,
  type Summary,
} from "./bench/report.ts";
import { ONE_SUBGRAPH, WORKLOADS, requestBody, type Keys, type Scenario, type Workload } from "./bench/workload.ts";

const { values: args } = parseArgs({
  options: {
    pglite: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    duration: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string", default: "20" },
    peers: { type: "string", default: PEERS.join(",") },
    popular: { type: "string", default: "30" },
    "skip-start": { type: "boolean", default: false },
    redis: { type: "string", default: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" },
  },
});
const DURATION = Number(args.duration ?? (args.quick ? 3 : 12));
const WARMUP = Number(args.warmup ?? (args.quick ? 1 : 3));
const CONNECTIONS = Number(args.connections);
const POPULAR = Number(args.popular);
const SEED = 20_261_124;
const CACHE_TTL_SECONDS = 120;
/** what a start is timed to: the first answer to this */
const FIRST_QUERY = `{ municipality(code: "GM0363") { name } }`;
const SELECTED = args.peers.split(",").map((p) => p.trim());
for (const p of SELECTED)
  if (!(PEERS as readonly string[]).includes(p)) throw new Error(`unknown peer ${p}; peers: ${PEERS.join(", ")}`);
const peers = PEERS.filter((p) => SELECTED.includes(p));
const SUPERGRAPH = path.join(ROOT, "schema", "supergraph.graphql");

type Counters = { type: "counters"; sql: number; requests: number };

const cleanup: (() => Promise<void> | void)[] = [];
const children = new Set<Child>();
async function cleanUp() {
  await Promise.allSettled([...children].map((c) => c.stop()));
  for (const f of cleanup.reverse()) await f();
  cleanup.length = 0;
}
process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

// ------------------------------------------------------------------------------------------------

const workDir = mkdtempSync(path.join(tmpdir(), "bench-"));
cleanup.push(() => rmSync(workDir, { recursive: true, force: true }));

async function createDatabase(): Promise<DatabaseLocation> {
  if (args.pglite) return { kind: "pglite", dataDir: path.join(workDir, "pglite") };
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
  return { kind: "postgresql", url: url.toString() };
}

/** The argument values the workloads vary over, as the subgraphs have them. */
async function discoverKeys(urls: Record<string, string>, years: number[]): Promise<Keys> {
  const data = async (url: string, query: string) => {
    const { json } = await postJson(url, JSON.stringify({ query }));
    const answer = json as { data?: any; errors?: unknown };
    if (!answer.data || answer.errors) throw new Error(`${url}: ${JSON.stringify(json).slice(0, 300)}`);
    return answer.data;
  };
  const reference = await data(
    urls.reference!,
    `{ municipalities(first: 500) { nodes { code } } labourMarketRegions { code } }`,
  );
  const uwv = await data(urls.uwv!, `{ jobAgreementYears { year } }`);
  return {
    municipalities: reference.municipalities.nodes.map((n: { code: string }) => n.code),
    regions: reference.labourMarketRegions.map((r: { code: string }) => r.code),
    budgetYears: years,
    jobAgreementYears: uwv.jobAgreementYears.map((y: { year: number }) => y.year),
    seriesYears: years,
  };
}

/** One answer per workload, on its probe arguments: what every peer must answer identically. */
async function probeAnswers(url: string): Promise<Map<string, unknown>> {
  const answers = new Map<string, unknown>();
  for (const w of [...WORKLOADS, ONE_SUBGRAPH]) {
    const { status, json } = await postJson(url, requestBody(w, w.probe));
    const { data, errors } = json as { data?: unknown; errors?: unknown };
    answers.set(w.name, { status, data, ...(errors ? { errors } : {}) });
  }
  return answers;
}

function compareAnswers(reference: Map<string, unknown>, answers: Map<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [name, expected] of reference) {
    const difference = firstDifference(expected, answers.get(name));
    if (difference) problems.push(`${name}: ${difference}`);
  }
  return problems;
}

/** null when n identical requests at once reach the subgraphs n times (no de-duplication), else what happened. */
async function deduplicationCheck(
  url: string,
  counters: () => Promise<Counters>,
  workload: Workload,
): Promise<string | null> {
  const body = requestBody(workload, workload.probe);
  const n = 8;
  const before = await counters();
  await postJson(url, body);
  const one = (await counters()).requests - before.requests;
  const between = await counters();
  await Promise.all(Array.from({ length: n }, () => postJson(url, body)));
  const burst = (await counters()).requests - between.requests;
  if (one === 0) return `de-duplication check inconclusive: one request reached no subgraph`;
  return burst >= n * one
    ? null
    : `IN-FLIGHT DE-DUPLICATION SEEMS ON: ${n} identical requests at once → ${burst} subgraph requests, not ${n} × ${one}`;
}

// ------------------------------------------------------------------------------------------------

try {
  const location = await createDatabase();
  console.log(
    `bench: ${args.pglite ? "PGlite" : "PostgreSQL"} with the default data (SYNTHETIC figures beside the official ones); ` +
      `${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per measurement; product code from ${productOrigin("gateway/gateway")}`,
  );
  const versions = peerVersions();
  console.log(`peers: ${peers.map((p) => `${p} (${versions[p]})`).join(", ")}`);
  const began = performance.now();
  const sub = await startSubgraphs(location);
  children.add(sub.child);
  const urls = sub.ready.urls;
  const counters = () => ask<Counters>(sub.child, { type: "counters" });
  const keys = await discoverKeys(urls, sub.ready.years);
  console.log(
    `subgraphs ready in ${((performance.now() - began) / 1000).toFixed(1)} s; varying over ${keys.municipalities.length} municipalities, ` +
      `${keys.regions.length} regions, BUIG years ${keys.budgetYears[0]}–${keys.budgetYears.at(-1)}, job-agreement years ${keys.jobAgreementYears.join(", ")}; ` +
      `portal: Zipf over the ${POPULAR} most popular arguments per query`,
  );
  const redisUrl = (await redisAnswers(args.redis)) ? args.redis : null;
  if (!redisUrl) console.log(`Redis does not answer at ${args.redis}: the portal caches are in memory`);
  const load = await startLoad();
  children.add(load.child);

  const namespace = `bench-${process.pid}-${Date.now()}`;
  const measure = async (
    url: string,
    pid: number | null,
    workload: LoadRun["workload"],
    scenario: Scenario,
    sequential = false,
  ): Promise<Row> => {
    const run = (seconds: number) =>
      ask<LoadResult>(
        load.child,
        {
          type: "run",
          url,
          workload,
          scenario,
          keys,
          seconds,
          connections: CONNECTIONS,
          sequential,
          seed: SEED,
          popular: POPULAR,
        } satisfies LoadRun,
        (seconds + 60) * 1000,
      );
    if (WARMUP > 0) await run(WARMUP);
    const cpuBefore = pid === null ? null : cpuMs(pid);
    const before = await counters();
    const result = await run(DURATION);
    const cpuAfter = pid === null ? null : cpuMs(pid);
    const after = await counters();
    const requests = result.requests || 1;
    return {
      peer: "",
      rps: result.rps,
      p50: result.p50,
      p99: result.p99,
      cpuMsPerRequest: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / requests,
      peakRssMb: pid === null ? null : peakRssMb(pid),
      sqlPerRequest: (after.sql - before.sql) / requests,
      subgraphRequestsPerRequest: (after.requests - before.requests) / requests,
      errors: result.errors,
      requests: result.requests,
      ...(result.firstError ? { note: `first error: ${result.firstError.replace(/\s+/g, " ").slice(0, 200)}` } : {}),
    };
  };

  const summary: Summary = { cold: {}, portal: {}, overhead: null };
  /** the first peer's answers, which every other peer's are compared with */
  const probes: { reference: { peer: string; answers: Map<string, unknown> } | null } = { reference: null };
  const notes: string[] = [];
  let overheadLines: string[] = [];

  /** Starts the peer, checks its answers (and, cold, that it does not de-duplicate), measures, stops it. */
  async function benchPeer(name: PeerName, scenario: Scenario, checks: { identical: string[]; noDedup: string[] }) {
    const config: PeerConfig = {
      scenario,
      subgraphs: urls,
      supergraph: SUPERGRAPH,
      redisUrl,
      namespace: `${namespace}-${name}`,
      cacheTtlSeconds: CACHE_TTL_SECONDS,
    };
    const peer = await PEER_LAUNCHERS[name](config, workDir);
    children.add(peer);
    try {
      const problems: string[] = [];
      const answers = await probeAnswers(peer.url);
      if (!probes.reference) {
        probes.reference = { peer: `${name} (${scenario})`, answers };
        const failing = [...answers].filter(
          ([, a]) => (a as { status: number }).status !== 200 || "errors" in (a as object),
        );
        for (const [workload, answer] of failing)
          notes.push(`${name} answers ${workload} with an error: ${JSON.stringify(answer).slice(0, 300)}`);
      } else {
        const differences = compareAnswers(probes.reference.answers, answers);
        if (differences.length === 0) checks.identical.push(name);
        else {
          problems.push(`ANSWERS DIFFER from ${probes.reference.peer}`);
          notes.push(
            `${name} (${scenario}) answers differently from ${probes.reference.peer}:`,
            ...differences.map((d) => `  ${d}`),
          );
        }
      }
      if (scenario === "cold") {
        const check = await deduplicationCheck(peer.url, counters, WORKLOADS[1]!);
        if (check === null) checks.noDedup.push(name);
        else problems.push(check);
      }
      const row = { ...(await measure(peer.url, peer.pid, "mix", scenario)), peer: name };
      if (problems.length > 0) row.note = [...problems, row.note].filter(Boolean).join("; ");
      summary[scenario][name] = row;
      console.log(tableRow(row));
      if (name === "ours" && scenario === "cold") {
        // the same query straight to its subgraph and through our gateway, one request at a time (the
        // latency the gateway adds) and under the bench's load (where the subgraph's own contention shows)
        const alone = {
          direct: await measure(urls.reference!, null, "one-subgraph", "cold", true),
          through: await measure(peer.url, peer.pid, "one-subgraph", "cold", true),
        };
        const loaded = {
          direct: await measure(urls.reference!, null, "one-subgraph", "cold"),
          through: await measure(peer.url, peer.pid, "one-subgraph", "cold"),
        };
        const overhead = ({ direct, through }: { direct: Row; through: Row }) =>
          (through.p50 - direct.p50) / direct.p50;
        summary.overhead = alone.direct.p50 > 0 ? overhead(alone) : null;
        const percent = (x: number) => `${(x * 100).toFixed(0)} %`;
        overheadLines = [
          `our gateway's overhead on a one-subgraph query (a municipality by code, codes varied):`,
          `  one request at a time: direct p50 ${alone.direct.p50.toFixed(2)} ms (${alone.direct.sqlPerRequest.toFixed(1)} sql/req), ` +
            `through our gateway p50 ${alone.through.p50.toFixed(2)} ms: +${(alone.through.p50 - alone.direct.p50).toFixed(2)} ms, ` +
            `overhead ${percent(overhead(alone))}`,
          `  ${CONNECTIONS} connections: direct p50 ${loaded.direct.p50.toFixed(1)} ms (${loaded.direct.rps.toFixed(0)} req/s, ` +
            `${loaded.direct.sqlPerRequest.toFixed(1)} sql/req), through our gateway p50 ${loaded.through.p50.toFixed(1)} ms ` +
            `(${loaded.through.rps.toFixed(0)} req/s, ${loaded.through.sqlPerRequest.toFixed(1)} sql/req, ` +
            `gateway cpu ${loaded.through.cpuMsPerRequest?.toFixed(2)} ms/req): ${percent(overhead(loaded))}`,
        ];
      }
    } finally {
      await peer.stop();
      children.delete(peer);
      const warnings = peer
        .output()
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => /warn|error/i.test(l));
      if (warnings.length > 0)
        notes.push(`${name} (${scenario}) printed: ${[...new Set(warnings)].slice(0, 2).join(" | ")}`);
    }
  }

  for (const scenario of ["cold", "portal"] as const) {
    const cache = redisUrl ? "Redis" : "memory";
    console.log(
      scenario === "cold"
        ? `\ncold mix: arguments varied per request; response caches and in-flight de-duplication off in every gateway`
        : `\nportal mix: popular arguments repeated; ours: response cache in ${cache} + in-flight de-duplication; ` +
            `apollo-gateway, hive-gateway: defaults; grafbase: entity caching in ${cache}`,
    );
    console.log(tableHeader());
    const checks = { identical: [] as string[], noDedup: [] as string[] };
    for (const name of peers) {
      try {
        await benchPeer(name, scenario, checks);
      } catch (error) {
        console.log(`${name.padEnd(16)} FAILED: ${(error as Error).message.split("\n")[0]}`);
        notes.push(`${name} (${scenario}) failed: ${(error as Error).message}`);
      }
    }
    if (probes.reference && checks.identical.length > 0) {
      console.log(
        `answers identical to ${probes.reference.peer} on one request of each query: ${checks.identical.join(", ")}`,
      );
    }
    if (checks.noDedup.length > 0) {
      console.log(
        `no in-flight de-duplication (8 identical requests at once reach the subgraphs 8 times): ${checks.noDedup.join(", ")}`,
      );
    }
  }
  if (overheadLines.length > 0) console.log(`\n${overheadLines.join("\n")}`);
  if (!args["skip-start"]) {
    const start = await startTimes();
    console.log(
      `${productCommand()} (embedded PGlite, default data): cold ${(start.cold / 1000).toFixed(1)} s to the first answer (empty DATA_DIR), ` +
        `warm ${(start.warm / 1000).toFixed(1)} s (data kept); peak RSS ${start.peakRssMb.toFixed(0)} MB`,
    );
    // npm start is one process: the subgraphs in a worker thread (the default) or beside the gateway
    console.log(`${productCommand()} under the cold mix, its subgraphs in a thread of their own or not:`);
    for (const threads of ["1", "2"]) {
      const product = await startedProduct({ START_THREADS: threads });
      try {
        const row = await measure(product.url, product.child.pid, "mix", "cold");
        console.log(
          `  START_THREADS=${threads}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms, ` +
            `cpu ${row.cpuMsPerRequest?.toFixed(2)} ms/req (process), ${row.errors} errors`,
        );
      } finally {
        await product.child.terminate("cli/start");
        children.delete(product.child);
      }
    }
  }
  await load.child.stop();
  children.delete(load.child);
  // stopped last: measure() reads its SQL counters (none of them the product's)
  await sub.child.stop();
  children.delete(sub.child);
  if (notes.length > 0) console.log(`\n${notes.join("\n")}`);
  console.log("");
  for (const line of summaryLines(summary)) console.log(line);
} finally {
  await cleanUp();
}

/** The environment of `npm start` as a user runs it (embedded database, default settings) on free ports. */
async function productEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}) {
  const [gateway, reference, municipal, uwv] = await freePorts(4);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    HOST: "127.0.0.1",
    PORT: String(gateway),
    REFERENCE_PORT: String(reference),
    MUNICIPAL_PORT: String(municipal),
    UWV_PORT: String(uwv),
  };
  for (const name of Object.keys(env)) {
    if (
      /^(DATABASE_URL|\w+_DATABASE_URL|\w+_URL|SUPERGRAPH|RESPONSE_CACHE_TTL_SECONDS|PERSISTED_DOCUMENTS\w*|START_THREADS)$/.test(
        name,
      )
    )
      delete env[name];
  }
  return { env: { ...env, ...extra }, url: `http://127.0.0.1:${gateway}/graphql` };
}

/** `npm start` on the start-time data folder, answering. */
async function startedProduct(extra: NodeJS.ProcessEnv): Promise<{ child: Child; url: string }> {
  const { env, url } = await productEnv(path.join(workDir, "start-data"), extra);
  const product = startProduct(env);
  children.add(product);
  try {
    await firstAnswer(url, FIRST_QUERY, 300_000, product);
  } catch (error) {
    await product.terminate("cli/start");
    children.delete(product);
    throw error;
  }
  return { child: product, url };
}

/** `npm start` on an empty DATA_DIR to its first answer, then again with the data kept. */
async function startTimes(): Promise<{ cold: number; warm: number; peakRssMb: number }> {
  const times: number[] = [];
  let peak = 0;
  for (const _run of ["cold", "warm"]) {
    const t0 = performance.now();
    const { env, url } = await productEnv(path.join(workDir, "start-data"));
    const product = startProduct(env);
    children.add(product);
    try {
      await firstAnswer(url, FIRST_QUERY, 300_000, product);
      times.push(performance.now() - t0);
      for (const pid of processTree(product.pid)) peak = Math.max(peak, peakRssMb(pid) ?? 0);
    } finally {
      await product.terminate("cli/start");
      children.delete(product);
    }
  }
  return { cold: times[0]!, warm: times[1]!, peakRssMb: peak };
}
