import { ownSignalListener } from "./own-signals.ts";

/**
 * Stops cleanly on SIGINT/SIGTERM: `stop` drains in-flight requests; if it takes longer than the
 * grace period (or hangs, as the embedded runtime was seen to), the process exits anyway.
 */
export function exitOnSignals(stop: () => Promise<void>, graceMs = 4_500): void {
  let stopping = false;
  const onSignal = ownSignalListener((signal: NodeJS.Signals) => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping`);
    setTimeout(() => {
      console.error(`still stopping after ${graceMs} ms; exiting`);
      process.exit(1);
    }, graceMs).unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`error while stopping: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  });
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
