// How the bench starts each process: the subgraphs, every gateway peer, the load generator and
// `npm start`. Each in a process of its own, so its CPU time and memory are its own.
import { fork, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseLocation } from "../../src/db/database.ts";
import { grafbaseBinary, grafbaseToml } from "./grafbase.ts";
import type { PeerConfig } from "./peer-config.ts";
import { freePorts, processTree } from "./proc.ts";
import { builtFile, ROOT } from "./product.ts";
import type { PeerName } from "./report.ts";

export interface Child {
  process: ChildProcess;
  pid: number;
  /** what it printed (the last 20,000 characters of stdout and stderr) */
  output(): string;
  /** kills it (SIGKILL: runtimes may handle SIGTERM themselves and linger) and waits for its exit */
  stop(): Promise<void>;
  /** sends SIGTERM to the process of the tree whose command line holds `match` (default: the child),
   *  waits up to `graceMs` for the child to exit, then kills what is left */
  terminate(match?: string, graceMs?: number): Promise<void>;
}

export interface RunningPeer extends Child {
  url: string;
}

type Message = { type: string; [key: string]: unknown };

function child(process_: ChildProcess, group = false): Child {
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  process_.stdout?.on("data", keep);
  process_.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => {
    if (process_.exitCode !== null || process_.signalCode !== null) resolve();
    else process_.once("exit", () => resolve());
  });
  const running = () => process_.exitCode === null && process_.signalCode === null;
  const kill = () => {
    try {
      // a process group of our own (npm → sh → node) goes as a whole
      if (group) process.kill(-process_.pid!, "SIGKILL");
      else if (running()) process_.kill("SIGKILL");
    } catch {
      // already gone
    }
  };
  return {
    process: process_,
    pid: process_.pid!,
    output: () => output,
    async stop() {
      if (running()) kill();
      await exited;
    },
    async terminate(match, graceMs = 15_000) {
      if (running()) {
        const target = match ? processTree(process_.pid!).find((pid) => commandLine(pid).includes(match)) : undefined;
        process.kill(target ?? process_.pid!, "SIGTERM");
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
        clearTimeout(timer);
      }
      kill();
      await exited;
    },
  };
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/** A bench child written in TypeScript (scripts/bench/*.ts), run by node through tsx, with IPC. */
function forkScript(script: string, env: Record<string, string>): Child {
  return child(
    fork(path.join(import.meta.dirname, script), [], {
      // every Node peer runs as in production (npm start sets the same), unless the caller says otherwise
      env: { NODE_ENV: "production", ...process.env, ...env },
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    }),
  );
}

/** The child's first message of this type; rejects when it exits first or takes too long. */
export function message<T extends { type: string }>(c: Child, type: string, timeoutMs = 300_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no "${type}" within ${timeoutMs / 1000} s`)), timeoutMs);
    const onMessage = (m: Message) => {
      if (m.type === "failed") finish(new Error(String(m.message)));
      else if (m.type === type) finish(null, m as T);
    };
    const onExit = (code: number | null, signal: string | null) =>
      finish(new Error(`exited (${signal ?? code}) before "${type}":\n${c.output().slice(-2_000)}`));
    const finish = (error: Error | null, value?: T) => {
      clearTimeout(timer);
      c.process.off("message", onMessage);
      c.process.off("exit", onExit);
      if (error) reject(error);
      else resolve(value!);
    };
    c.process.on("message", onMessage);
    c.process.once("exit", onExit);
  });
}

/** Sends a request of this type and waits for the answer of the same type. */
export function ask<T extends { type: string }>(c: Child, request: Message, timeoutMs?: number): Promise<T> {
  const answer = message<T>(c, request.type === "run" ? "result" : request.type, timeoutMs);
  c.process.send(request);
  return answer;
}

async function started<T extends { type: string }>(c: Child, type = "ready"): Promise<{ child: Child; ready: T }> {
  try {
    return { child: c, ready: await message<T>(c, type) };
  } catch (error) {
    await c.stop();
    throw error;
  }
}

// ---- the product's processes: one small function each -------------------------------------------
// The subgraphs and our gateway load the product's code from dist/ when it is built (product.ts);
// `npm start` runs the compiled entry point when there is one.

/** The three subgraphs in one process over the bench database. */
export const startSubgraphs = (location: DatabaseLocation) =>
  started<Message & { urls: Record<string, string>; years: number[] }>(
    forkScript("subgraphs.ts", { BENCH_DATABASE: JSON.stringify(location) }),
  );

/** OUR gateway: createGateway/startGateway with our plugins and limits, as `npm start` runs it. */
export const startOurGateway = (config: PeerConfig) => nodePeer("gateway-ours.ts", config);

/** `npm start` as a user runs it, in a process group of its own; the compiled build when there is one. */
export function startProduct(env: NodeJS.ProcessEnv): Child {
  const built = builtFile("cli/start");
  const options = {
    cwd: ROOT,
    env: { NODE_ENV: "production", ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"] as ("ignore" | "pipe")[],
  };
  return child(built ? spawn(process.execPath, [built], options) : spawn("npm", ["start", "--silent"], options), true);
}

/** What `startProduct` runs, for the report. */
export function productCommand(): string {
  const built = builtFile("cli/start");
  return built ? `node ${path.relative(ROOT, built)}` : "npm start";
}

// ---- the peers ------------------------------------------------------------------------------------

async function nodePeer(script: string, config: PeerConfig): Promise<RunningPeer> {
  const { child: c, ready } = await started<Message & { url: string }>(
    forkScript(script, { BENCH_PEER: JSON.stringify(config) }),
  );
  return { ...c, url: ready.url };
}

/** Grafbase: `grafbase dev` over a grafbase.toml written into `dir` (also its home directory). */
async function startGrafbase(config: PeerConfig, dir: string): Promise<RunningPeer> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `grafbase-${config.scenario}.toml`);
  writeFileSync(
    file,
    grafbaseToml(config, (name) => path.join(ROOT, "schema", `${name}.graphql`)),
  );
  const [port] = await freePorts(1);
  const c = child(
    spawn(grafbaseBinary(), ["--home", dir, "dev", "-c", file, "-p", String(port)], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    await firstAnswer(url, "{ __typename }", 60_000, c);
    return { ...c, url };
  } catch (error) {
    await c.stop();
    throw error;
  }
}

/** How to start each peer for a scenario. */
export const PEER_LAUNCHERS: Record<PeerName, (config: PeerConfig, workDir: string) => Promise<RunningPeer>> = {
  ours: (config) => startOurGateway(config),
  "apollo-gateway": (config) => nodePeer("gateway-apollo.ts", config),
  "hive-gateway": (config) => nodePeer("gateway-hive.ts", config),
  grafbase: (config, workDir) => startGrafbase(config, path.join(workDir, "grafbase")),
};

/** The installed version of each peer, for the report. */
export function peerVersions(): Record<PeerName, string> {
  const version = (name: string) => {
    try {
      return (
        JSON.parse(readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }
      ).version;
    } catch {
      return "not installed";
    }
  };
  const hive = `gateway-runtime ${version("@graphql-hive/gateway-runtime")} + router-runtime ${version("@graphql-hive/router-runtime")}`;
  return {
    ours: hive,
    "apollo-gateway": `${version("@apollo/gateway")} in @apollo/server ${version("@apollo/server")}`,
    "hive-gateway": hive,
    grafbase: version("@grafbase/cli-x86_64-unknown-linux-musl"),
  };
}

/** The load generator. */
export const startLoad = () => started(forkScript("load.ts", {}));

// ---- answers ----------------------------------------------------------------------------------------

export async function postJson(
  url: string,
  body: string,
  timeoutMs = 30_000,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  try {
    return { status: response.status, json: JSON.parse(text) };
  } catch {
    return { status: response.status, json: text };
  }
}

/**
 * Polls until the URL answers the query with data and no errors; resolves with the ms it took.
 * Rejects when `watch` exits first or the deadline passes.
 */
export async function firstAnswer(url: string, query: string, deadlineMs: number, watch?: Child): Promise<number> {
  const began = performance.now();
  let exited = false;
  watch?.process.once("exit", () => (exited = true));
  let last = "no answer";
  while (performance.now() - began < deadlineMs) {
    if (exited) throw new Error(`exited before answering:\n${watch!.output().slice(-2_000)}`);
    try {
      const { status, json } = await postJson(url, JSON.stringify({ query }), 2_000);
      const answer = json as { data?: unknown; errors?: unknown };
      if (status === 200 && answer.data && !answer.errors) return performance.now() - began;
      last = `HTTP ${status}: ${JSON.stringify(json).slice(0, 200)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} gave no answer within ${deadlineMs / 1000} s (${last})`);
}
