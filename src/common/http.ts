import type http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";

/** Starts listening; resolves with the port (chosen by the system for port 0) and the host to reach it by. */
export async function listen(server: http.Server, port: number, host: string): Promise<{ port: number; host: string }> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    host: host === "0.0.0.0" || host === "::" ? "localhost" : host,
  };
}

/** A GraphQL-shaped JSON error response, for requests refused before they reach GraphQL. */
export function sendJsonError(
  res: http.ServerResponse,
  status: number,
  code: string,
  message: string,
  close = false,
): void {
  res
    .writeHead(status, { "content-type": "application/json; charset=utf-8", ...(close ? { connection: "close" } : {}) })
    .end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Why a service of this project says it is not ready, in words that reveal no address: a subgraph
 * gives one in its /readiness answer, and the gateway passes on only these.
 */
export const NOT_READY = {
  databaseSilent: "its database did not answer in time",
  databaseUnavailable: "its database is unavailable",
  databaseFailed: "its database check failed",
} as const;

/** A port some other process listens on; the message names the setting to change. */
export class PortInUse extends Error {}

/**
 * Refuses at once, before any database is opened, when a port to listen on is taken: `setting` is
 * the environment variable (or option) that chooses it. Port 0 (any free port) is always free.
 */
export async function checkPortFree(port: number, host: string, setting: string): Promise<void> {
  if (port === 0) return;
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new PortInUse(`port ${port} is in use by another program: set ${setting} to a free port (0: any free port)`)
          : error.code === "EACCES"
            ? new PortInUse(`port ${port} may not be used by this user: set ${setting} to a port above 1023`)
            : error,
      ),
    );
    server.listen(port, host, () => server.close(() => resolve()));
  });
}
