// Bench child: the load generator (autocannon), in a process of its own. Each "run" message loads one
// URL for a number of seconds over the same connections, with request bodies drawn per request from
// the scenario's argument space, and answers with the figures.
import autocannon from "autocannon";
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

async function run(message: LoadRun): Promise<LoadResult> {
  const next = requestSource(message.workload === "mix" ? WORKLOADS : [ONE_SUBGRAPH], message.keys, {
    scenario: message.scenario,
    seed: message.seed,
    popular: message.popular,
  });
  let failed = 0;
  let firstError: string | null = null;
  const result = await autocannon({
    url: message.url,
    connections: message.connections,
    duration: message.seconds,
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
