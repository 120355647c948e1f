import { PortInUse } from "../common/http.ts";
import { ConfigError } from "../config.ts";
import { DataFolderLocked } from "../db/database.ts";
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

/**
 * Runs a command's main part; a mistake of setup (a port in use, the embedded database held by another
 * process, an invalid environment) ends it with one line saying what to change, not a stack trace.
 */
export async function runCommand(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof PortInUse || error instanceof DataFolderLocked || error instanceof ConfigError) {
      console.error(`error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
