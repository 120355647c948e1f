// npm start on two cores: the subgraphs and their databases in a worker thread, the gateway in this one.
// Measured with `npm run bench:threads`: see README "Start". One process still: one data folder lock,
// one set of signals, one exit.
import { Worker } from "node:worker_threads";
import type { StackOptions } from "../app.ts";
import { PortInUse } from "../common/http.ts";
import { projectFile } from "../common/project-root.ts";
import { ConfigError } from "../config.ts";
import { DataFolderLocked } from "../db/database.ts";
import type { RunningGateway } from "../gateway/gateway.ts";
import type { SubgraphName } from "../subgraphs/subgraph.ts";
import type { SubgraphWorkerData, SubgraphWorkerMessage } from "./subgraph-worker.ts";

export interface TwoThreadStack {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, { url: string }>;
  stop(): Promise<void>;
}

/** Setup mistakes raised in the worker, rebuilt here so that they end the command with one line. */
const SETUP_ERRORS: Record<string, new (message: string) => Error> = {
  DataFolderLocked,
  PortInUse,
  ConfigError,
};

/** The worker's module: from the sources under tsx, else from the build (dist/cli, an entry of its own). */
const workerFile = () =>
  import.meta.url.endsWith(".ts")
    ? projectFile("src", "cli", "subgraph-worker.ts")
    : projectFile("dist", "cli", "subgraph-worker.js");

export async function startInTwoThreads(options: StackOptions): Promise<TwoThreadStack> {
  const worker = new Worker(workerFile(), {
    workerData: {
      databases: options.databases,
      host: options.host,
      subgraphPorts: options.subgraphPorts,
      synthetic: options.synthetic ?? null,
      signingSecret: options.auth?.signingSecret ?? null,
      ...(options.metrics === false ? { metrics: false } : {}),
    } satisfies SubgraphWorkerData,
  });
  const next = () =>
    new Promise<SubgraphWorkerMessage>((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`the subgraphs' thread exited (${code}) before it was ready`));
      worker.once("error", reject);
      worker.once("exit", onExit);
      worker.once("message", (message: SubgraphWorkerMessage) => {
        worker.off("error", reject);
        worker.off("exit", onExit);
        resolve(message);
      });
    });
  // the gateway's modules load here while the worker loads the subgraphs' and opens the databases
  const [{ startStackGateway }, first] = await Promise.all([import("../gateway/stack-gateway.ts"), next()]);
  if (first.type === "failed") {
    await worker.terminate();
    const Known = SETUP_ERRORS[first.error.kind];
    if (Known) throw new Known(first.error.message);
    throw Object.assign(new Error(first.error.message), { stack: first.error.stack });
  }
  if (first.type !== "ready") throw new Error(`unexpected message from the subgraphs' thread: ${first.type}`);
  const stopSubgraphs = async () => {
    const stopped = next();
    worker.postMessage({ type: "stop" });
    await stopped.catch(() => undefined);
    await worker.terminate();
  };
  try {
    const gateway = await startStackGateway(options, first.urls);
    return {
      gateway,
      subgraphs: Object.fromEntries(Object.entries(first.urls).map(([name, url]) => [name, { url }])) as Record<
        SubgraphName,
        { url: string }
      >,
      async stop() {
        await gateway.stop();
        await stopSubgraphs();
      },
    };
  } catch (error) {
    await stopSubgraphs();
    throw error;
  }
}
