// The services' log: JSON lines (one object per line, with the request's id) when standard output
// is not a terminal, as a log collector reads them; readable, coloured lines on a terminal. Colour
// codes never reach a file or a pipe.
import { AsyncLocalStorage } from "node:async_hooks";
import { ConsoleLogWriter, JSONLogWriter, Logger, type LogLevel, type LogWriter } from "@graphql-hive/logger";

/** The id of the request being handled (x-request-id), for every line logged while handling it. */
export const requestIds = new AsyncLocalStorage<string>();

export function createLogger(
  level: LogLevel | false = "info",
  options: { json?: boolean; attrs?: Record<string, unknown> } = {},
): Logger {
  const json = options.json ?? !process.stdout.isTTY;
  const inner: LogWriter = json ? new JSONLogWriter() : new ConsoleLogWriter({ noColor: !process.stderr.isTTY });
  const writer: LogWriter = {
    write(logLevel, attrs, msg) {
      const requestId = requestIds.getStore();
      const withId = requestId && !Array.isArray(attrs) && !attrs?.requestId ? { ...attrs, requestId } : attrs;
      return inner.write(logLevel, withId, msg);
    },
  };
  return new Logger({ level, writers: [writer], ...(options.attrs ? { attrs: options.attrs } : {}) });
}
