// Imported first by the CLIs: only this service's own handler may react to SIGINT and SIGTERM.
// Libraries of the gateway runtime (@whatwg-node/server, @graphql-mesh/utils) register handlers that
// dispose the runtime at once, aborting requests still in flight, and race the process to an exit;
// the service drains instead (signals.ts), and disposes the runtime itself when done.
const ours = new WeakSet<(...args: unknown[]) => void>();
const SIGNALS = new Set(["SIGINT", "SIGTERM"]);

for (const method of ["on", "once", "addListener", "prependListener", "prependOnceListener"] as const) {
  const original = process[method].bind(process) as (
    event: string | symbol,
    listener: (...args: unknown[]) => void,
  ) => NodeJS.Process;
  (process as unknown as Record<string, unknown>)[method] = (
    event: string | symbol,
    listener: (...args: unknown[]) => void,
  ) => (typeof event === "string" && SIGNALS.has(event) && !ours.has(listener) ? process : original(event, listener));
}

/** Marks a listener as the service's own, so it may be registered for SIGINT/SIGTERM. */
export function ownSignalListener<T extends (...args: never[]) => void>(listener: T): T {
  ours.add(listener as unknown as (...args: unknown[]) => void);
  return listener;
}
