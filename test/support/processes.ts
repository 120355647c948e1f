// The services as separate processes, as a deployment runs them: `npm run subgraph` and
// `npm run gateway` (the compiled build, made before the tests by global-setup.ts), each with its own
// environment, on free ports of 127.0.0.1.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { SubgraphName } from "../../src/subgraphs/subgraph.ts";

const root = path.resolve(import.meta.dirname, "../..");

export interface ServiceProcess {
  /** the GraphQL endpoint it printed */
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then waits for the exit */
  stop(): Promise<void>;
}

/** Runs `node scripts/run.mjs <args>` and resolves once it prints a URL matching `ready`. */
export function startService(args: string[], env: Record<string, string>, ready: RegExp): Promise<ServiceProcess> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, HOST: "127.0.0.1", CHECKPOINT_DISABLE: "1", ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ["scripts/run.mjs", ...args], {
    cwd: root,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match)
        resolve({
          url: match[1]!,
          child,
          output: () => output,
          async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
            await exited;
          },
        });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}:\n${output}`)));
  });
}

/** `npm run subgraph -- <name>` on a free port. */
export const startSubgraphProcess = (name: SubgraphName, env: Record<string, string>) =>
  startService(["subgraph", name, "--port", "0"], env, new RegExp(`subgraph ${name}: (http://\\S+)`));

/** `npm run gateway` on a free port. */
export const startGatewayProcess = (env: Record<string, string>) =>
  startService(["gateway", "--port", "0"], env, /GraphQL endpoint: (http:\/\/\S+)/);

/** `npm run data -- <args>` to its end. */
export function runData(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ["scripts/run.mjs", "data", ...args],
      { cwd: root, env: { ...process.env, CHECKPOINT_DISABLE: "1", ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}
