// The services' log: JSON lines (one object per line, with the request's id) when standard output
// is not a terminal, as a log collector reads them; readable, coloured lines on a terminal. Colour
// codes never reach a file or a pipe.
import { AsyncLocalStorage } from "node:async_hooks";
import { ConsoleLogWriter, JSONLogWriter, Logger, type LogLevel, type LogWriter } from "@graphql-hive/logger";
import { currentTrace } from "./telemetry.ts";

/** The id of the request being handled (x-request-id), for every line logged while handling it. */
export const requestIds = new AsyncLocalStorage<string>();

export function createLogger(
  level: LogLevel | false = "info",
  options: { json?: boolean; attrs?: Record<string, unknown> } = {},
): Logger {
  const json = options.json ?? !process.stdout.isTTY;
  const inner: LogWriter = json ? new JSONLogWriter() : new ConsoleLogWriter({ noColor: !process.stderr.isTTY });
  const levels: (LogLevel | false)[] = ["trace", "debug", "info", "warn", "error"];
  const shows = (l: LogLevel) => level !== false && levels.indexOf(l) >= levels.indexOf(level);
  const writer: LogWriter = {
    write(logLevel, attrs, msg) {
      // a client's mistake (reported to it as BAD_USER_INPUT and the like) is not a server error:
      // the runtime logs every GraphQL error it passes on as "error"; such ones are at most "info"
      if (logLevel === "error" && isClientError(attrs)) {
        if (!shows("info")) return;
        logLevel = "info";
      }
      const requestId = requestIds.getStore();
      // and, when tracing, the trace it belongs to, so a log line leads to its trace and back
      const traced = currentTrace();
      const withId =
        (requestId || traced) && !Array.isArray(attrs) && !attrs?.requestId
          ? { ...attrs, ...(requestId ? { requestId } : {}), ...traced }
          : attrs;
      return inner.write(logLevel, withId, msg);
    },
  };
  return new Logger({ level, writers: [writer], ...(options.attrs ? { attrs: options.attrs } : {}) });
}

/** Error codes that say the client asked for something wrong, not that the service failed. */
const CLIENT_ERROR_CODES = new Set([
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_ID_REQUIRED",
  "PERSISTED_QUERY_ONLY",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "QUERY_TOO_DEEP",
  "QUERY_TOO_COMPLEX",
  "QUERY_TOO_LARGE",
  "TOO_MANY_ALIASES",
  "TOO_MANY_DIRECTIVES",
  "PAYLOAD_TOO_LARGE",
]);

function isClientError(attrs: unknown): boolean {
  const code = (attrs as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === "string" && CLIENT_ERROR_CODES.has(code);
}
