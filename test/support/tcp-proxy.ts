import net from "node:net";
import type { AddressInfo } from "node:net";
import { startLocalStack, type Stack } from "../../src/app.ts";
import type { Backend, TestDatabase } from "./databases.ts";

/**
 * A TCP proxy in front of a real server, to make it fail as networks do: `freeze()` keeps every
 * connection open but passes nothing on (a database behind a firewall that drops packets), `close()`
 * stops listening and cuts the connections (connections refused).
 */
export interface TcpProxy {
  port: number;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let frozen = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {});
    }
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on("data", (chunk) => {
        if (!frozen) to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    freeze: () => void (frozen = true),
    thaw: () => void (frozen = false),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The whole product on a fresh PostgreSQL database reached through a proxy (to make it fail). */
export async function startProxiedStack(backend: Backend): Promise<{
  db: TestDatabase;
  proxy: TcpProxy;
  stack: Stack;
  close(): Promise<void>;
}> {
  const db = await backend.fresh();
  const url = new URL((db.location as { url: string }).url);
  const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  url.port = String(proxy.port);
  const stack = await startLocalStack({ kind: "postgresql", url: url.toString() });
  return {
    db,
    proxy,
    stack,
    async close() {
      proxy.thaw();
      await stack.stop().catch(() => {});
      await proxy.close();
      await db.drop();
    },
  };
}
