// Bench child: the load generator (autocannon), in a process of its own. Each "run" message loads one
// URL for a number of seconds over the same connections, with request bodies drawn per request from
// the scenario's argument space, and answers with the figures. A sequential run sends one request at a
// time and times each itself (autocannon's latencies have a resolution of 1 ms).
import http from "node:http";
import autocannon from "autocannon";
import { percentile } from "./report.ts";
import { ONE_SUBGRAPH, WORKLOADS, requestSource, type Keys, type Scenario } from "./workload.ts";

export interface LoadRun {
  type: "run";
  url: string;
  /** the portal mix, or the one-subgraph query alone */
  workload: "mix" | "one-subgraph";
  scenario: Scenario;
  keys: Keys;
  seconds: number;
  connections: number;
  /** one request at a time instead, each timed to the microsecond */
  sequential?: boolean;
  seed: number;
  popular: number;
}

export interface LoadResult {
  type: "result";
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** non-2xx answers, answers with GraphQL errors, timeouts and connection errors */
  errors: number;
  /** the first error body seen, to say what went wrong */
  firstError: string | null;
}

/** a request still unanswered after this long counts as an error (autocannon's default) */
const TIMEOUT_SECONDS = 10;

async function run(message: LoadRun): Promise<LoadResult> {
  const next = requestSource(message.workload === "mix" ? WORKLOADS : [ONE_SUBGRAPH], message.keys, {
    scenario: message.scenario,
    seed: message.seed,
    popular: message.popular,
  });
  if (message.sequential) return sequential(message, next);
  let failed = 0;
  let firstError: string | null = null;
  const result = await autocannon({
    url: message.url,
    connections: message.connections,
    duration: message.seconds,
    timeout: TIMEOUT_SECONDS,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: [
      {
        method: "POST",
        setupRequest: (request) => ({ ...request, body: next() }),
        onResponse: (status, body) => {
          if (status === 200 && !body.includes('"errors":')) return;
          failed += 1;
          firstError ??= `HTTP ${status}: ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  return {
    type: "result",
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // non-2xx answers are counted by onResponse; result.errors counts connection errors and timeouts
    errors: failed + result.errors,
    firstError:
      firstError ??
      (result.errors > 0
        ? `${result.timeouts} of ${result.errors} failed requests timed out (after ${TIMEOUT_SECONDS} s)`
        : null),
  };
}

function post(url: string, body: string, agent: http.Agent): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
        response.on("error", reject);
      },
    );
    request.setTimeout(TIMEOUT_SECONDS * 1000, () =>
      request.destroy(new Error(`timed out after ${TIMEOUT_SECONDS} s`)),
    );
    request.on("error", reject);
    request.end(body);
  });
}

async function sequential(message: LoadRun, next: () => string): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const began = performance.now();
  const end = began + message.seconds * 1000;
  while (performance.now() < end) {
    const body = next();
    const t = performance.now();
    try {
      const { status, text } = await post(message.url, body, agent);
      latencies.push(performance.now() - t);
      if (status === 200 && !text.includes('"errors":')) continue;
      errors += 1;
      firstError ??= `HTTP ${status}: ${text.slice(0, 300)}`;
    } catch (error) {
      errors += 1;
      firstError ??= (error as Error).message;
    }
  }
  const seconds = (performance.now() - began) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    type: "result",
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    firstError,
  };
}

process.on("message", (message: LoadRun) => {
  if (message.type !== "run") return;
  run(message).then(
    (result) => process.send!(result),
    (error: Error) => process.send!({ type: "failed", message: error.message }),
  );
});
process.send!({ type: "ready" });
