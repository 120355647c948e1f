// The three subgraphs and their databases in a worker thread of `npm start`, so that the gateway (main
// thread) and the subgraphs (with the embedded database) each have a core. Started by start.ts; tells
// it the subgraphs' URLs, and stops when told to.
import { parentPort, workerData } from "node:worker_threads";
import { startTracing } from "../common/telemetry.ts";
import { startSubgraphs, type SubgraphsOptions } from "../subgraphs/start.ts";

export type SubgraphWorkerData = Omit<SubgraphsOptions, "log">;

export type SubgraphWorkerMessage =
  | { type: "ready"; urls: Record<string, string> }
  /** `kind`: the error's class, so that a setup mistake is reported as one line, as in one thread */
  | { type: "failed"; error: { kind: string; message: string; stack?: string } }
  | { type: "stopped" };

const port = parentPort!;
const data = workerData as SubgraphWorkerData;
try {
  // a thread has its own OpenTelemetry globals: the subgraphs' spans need a provider of their own here
  const tracing = await startTracing("nl-work-graph");
  const running = await startSubgraphs(data);
  port.on("message", (message: { type: string }) => {
    if (message.type !== "stop") return;
    void running
      .stop()
      .catch(() => undefined)
      .then(() => tracing?.shutdown())
      .finally(() => {
        port.postMessage({ type: "stopped" } satisfies SubgraphWorkerMessage);
        port.close();
      });
  });
  port.postMessage({ type: "ready", urls: running.urls } satisfies SubgraphWorkerMessage);
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  port.postMessage({
    type: "failed",
    error: { kind: e.constructor.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) },
  } satisfies SubgraphWorkerMessage);
  port.close();
}
