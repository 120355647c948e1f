// Metrics of the process itself (CPU, memory, event-loop delay, handles), shared by every /metrics
// endpoint a process serves, made once per process.
import type http from "node:http";
import { collectDefaultMetrics, Registry } from "prom-client";

let process_: Registry | undefined;

export function processMetrics(): Registry {
  if (!process_) {
    process_ = new Registry();
    collectDefaultMetrics({ register: process_ });
  }
  return process_;
}

/** Answers GET /metrics with the registry's metrics and the process's, in Prometheus's text format. */
export function serveMetrics(registry: Registry, res: http.ServerResponse): void {
  Promise.all([registry.metrics(), processMetrics().metrics()]).then(
    (texts) => res.writeHead(200, { "content-type": registry.contentType }).end(texts.join("\n")),
    (error: Error) =>
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(`metrics failed: ${error.message}`),
  );
}
