import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { CHANGE_CHANNEL, DataCache } from "./data-cache.ts";

/** Where a database lives: a PostgreSQL server, or PGlite (embedded) in a folder or in memory. */
export type DatabaseLocation =
  { kind: "postgresql"; url: string } | { kind: "pglite"; dataDir: string | null; template?: Blob };

/** Plain SQL access beside Prisma, for the migration runner and health checks. */
export interface SqlSession {
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/**
 * One open database server connection (a pg pool, or one PGlite instance). Several subgraphs in one
 * process may share it; each gets its own Prisma client through `client()`.
 */
export interface DatabaseServer {
  readonly location: DatabaseLocation;
  /** Runs `work` on one dedicated session (one connection on PostgreSQL). */
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query within the time; rejects otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  /** A Prisma client of its own, counting the SQL statements it sends. */
  client(): Database;
  /** The PGlite instance, to dump a seeded template in tests; null on PostgreSQL. */
  readonly pglite: PGlite | null;
  /** The PostgreSQL connection pool's connections now (for /metrics); null on PGlite. */
  pool(): { total: number; idle: number; waiting: number; max: number } | null;
  close(): Promise<void>;
}

export interface Database {
  readonly prisma: PrismaClient;
  /** SQL statements this client has sent (asserted in N+1 tests, reported by the benchmark). */
  readonly stats: { queries: number };
  readonly server: DatabaseServer;
  /** reads kept until the data changes: emptied by announceChange here or in any other process */
  readonly cache: DataCache;
  /**
   * Says that this subgraph's data changed (after a committed import, mutation or seeding): empties
   * this process's caches at once, and on PostgreSQL notifies every other process listening.
   */
  announceChange(): Promise<void>;
}

export const DATABASE_TIMEOUTS = { connectMs: 2_000, statementMs: 2_000, answerMs: 2_500 };

export async function openDatabaseServer(location: DatabaseLocation): Promise<DatabaseServer> {
  const clients: PrismaClient[] = [];
  const caches: DataCache[] = [];
  const invalidateAll = () => caches.forEach((cache) => cache.invalidate());
  let listener: ChangeListener | null = null;
  const makeClient = (server: DatabaseServer, adapter: () => PrismaPg | PrismaPGlite): Database => {
    const stats = { queries: 0 };
    const prisma = new PrismaClient({ adapter: adapter(), log: [{ emit: "event", level: "query" }] });
    prisma.$on("query", () => {
      stats.queries += 1;
    });
    clients.push(prisma);
    const cache = new DataCache();
    caches.push(cache);
    // other processes' writes reach this one through PostgreSQL's NOTIFY; PGlite has one writer
    if (location.kind === "postgresql") listener ??= listenForChanges(location.url, invalidateAll);
    return {
      prisma,
      stats,
      server,
      cache,
      async announceChange() {
        invalidateAll();
        if (location.kind === "postgresql") await prisma.$executeRawUnsafe(`SELECT pg_notify('${CHANGE_CHANNEL}', '')`);
      },
    };
  };
  const disconnectAll = async () => {
    await listener?.stop();
    await Promise.all(clients.map((client) => client.$disconnect()));
  };

  if (location.kind === "postgresql") {
    const pool = new pg.Pool({
      connectionString: location.url,
      max: 10,
      // a database that does not answer fails a request within about two seconds (as
      // DATABASE_UNAVAILABLE) instead of holding it until the gateway's subgraph timeout: no
      // connection within connectMs, a statement cancelled by the server after statementMs, and no
      // answer at all (packets dropped) within answerMs. The longest statement of seeding or an
      // import takes well under 100 ms.
      connectionTimeoutMillis: DATABASE_TIMEOUTS.connectMs,
      statement_timeout: DATABASE_TIMEOUTS.statementMs,
      query_timeout: DATABASE_TIMEOUTS.answerMs,
      keepAlive: true,
    });
    // An idle client losing its server emits 'error' on the pool; unhandled, it would end the process.
    pool.on("error", () => {});
    // the driver's own failures (connect timeout, no answer, connection lost) carry no SQLSTATE:
    // give them one, so they are classified by code like the server's
    tagFailures(pool, "connect", "08001");
    tagFailures(pool, "query", "08006");
    pool.on("connect", (client) => tagFailures(client, "query", "08006"));
    const server: DatabaseServer = {
      location,
      pglite: null,
      pool: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max }),
      async withSession(work) {
        const client = await pool.connect();
        try {
          return await work({
            exec: async (sql) => void (await client.query(sql)),
            query: async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
          });
        } finally {
          client.release();
        }
      },
      ping: (timeoutMs = 2_000) => withTimeout(pool.query("SELECT 1"), timeoutMs).then(() => undefined),
      client: () => makeClient(server, () => new PrismaPg(pool)),
      async close() {
        await disconnectAll();
        await pool.end();
      },
    };
    return server;
  }

  // PGlite creates its own folder but not the parents
  if (location.dataDir) mkdirSync(path.dirname(location.dataDir), { recursive: true });
  // one process per data folder: taken before PGlite touches the folder, so a refused process writes nothing
  const release = location.dataDir ? lockDataFolder(location.dataDir) : () => {};
  let db: PGlite;
  try {
    db = await PGlite.create(location.dataDir ?? undefined, {
      ...(location.template ? { loadDataDir: location.template } : {}),
    });
  } catch (error) {
    release();
    throw error;
  }
  // a closed PGlite fails with a bare message: give it the SQLSTATE of a connection that does not exist
  for (const method of ["query", "exec", "transaction"] as const)
    tagFailures(db, method, "08003", { nodeCallbacks: false, applies: () => db.closed });
  const session: SqlSession = {
    exec: async (sql) => void (await db.exec(sql)),
    query: async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows,
  };
  const server: DatabaseServer = {
    location,
    pglite: db,
    pool: () => null,
    withSession: (work) => work(session),
    ping: (timeoutMs = 2_000) => withTimeout(db.query("SELECT 1"), timeoutMs).then(() => undefined),
    client: () => makeClient(server, () => new PrismaPGlite(db)),
    async close() {
      try {
        await disconnectAll();
        if (!db.closed) await db.close();
      } finally {
        release();
      }
    },
  };
  return server;
}

/** Another process holds the embedded database's folder. */
export class DataFolderLocked extends Error {}

/**
 * Takes the lock of an embedded database's folder: a file beside it, created exclusively, naming the
 * process that holds it. PGlite is one PostgreSQL in one process: two processes writing one folder
 * corrupt it (duplicate keys, lost rows). A lock whose process is gone (killed, crashed) is taken over.
 * Returns the release.
 */
export function lockDataFolder(dataDir: string): () => void {
  const file = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, command: process.argv.slice(1).join(" ") }), {
        flag: "wx",
      });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener("exit", release);
        rmSync(file, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = lockHolder(file);
    if (!holder) {
      // unreadable: a holder that is writing it this very moment, or garbage left behind long ago
      if (Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 2_000)
        throw new DataFolderLocked(`the embedded database in ${dataDir} is being opened by another process`);
    } else if (isRunning(holder.pid)) {
      throw new DataFolderLocked(
        `the embedded database in ${dataDir} is in use by ${holder.pid === process.pid ? "this process" : `another process (pid ${holder.pid}${holder.command ? `: ${holder.command}` : ""})`}; stop it first, or set DATA_DIR to another folder`,
      );
    }
    // the holder is gone: a stale lock
    rmSync(file, { force: true });
  }
  throw new DataFolderLocked(`could not take the lock ${file}; remove it if no process uses ${dataDir}`);
}

function lockHolder(file: string): { pid: number; command?: string } | null {
  try {
    const holder = JSON.parse(readFileSync(file, "utf8")) as { pid?: unknown; command?: unknown };
    return typeof holder.pid === "number"
      ? { pid: holder.pid, ...(typeof holder.command === "string" ? { command: holder.command } : {}) }
      : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Makes `target[method]` give errors without a code (the driver's own, not the server's) the SQLSTATE
 * `code`, when `applies()`; the promise form, and pg's (node-style) callback form.
 */
function tagFailures(
  target: object,
  method: string,
  code: string,
  { nodeCallbacks = true, applies = (): boolean => true }: { nodeCallbacks?: boolean; applies?: () => boolean } = {},
): void {
  const original = (target as Record<string, (...args: unknown[]) => unknown>)[method]!.bind(target);
  const tag = (error: unknown) => {
    if (error instanceof Error && !("code" in error) && applies()) Object.assign(error, { code });
    return error;
  };
  (target as Record<string, unknown>)[method] = (...args: unknown[]) => {
    const callback = args.at(-1);
    if (nodeCallbacks && typeof callback === "function") {
      args[args.length - 1] = (error: unknown, ...rest: unknown[]) => callback(error && tag(error), ...rest);
      return original(...args);
    }
    const result = original(...args);
    return result instanceof Promise
      ? result.catch((error: unknown) => {
          throw tag(error);
        })
      : result;
  };
}

/** A ping that got no answer in time: the database is silent, not refusing. */
export class DatabaseTimeout extends Error {
  readonly code = "57014";
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeout(`database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface ChangeListener {
  stop(): Promise<void>;
}

/**
 * Listens on PostgreSQL for changes announced by any process (LISTEN/NOTIFY) on a connection of its
 * own, and calls `changed` for each. When the connection is lost, notifications may have been missed:
 * on reconnecting it calls `changed` once, so nothing stale survives an outage. `onFirstConnect`
 * false: a listener that has nothing read before it listened (the gateway) is not told at first.
 */
export function listenForChanges(
  url: string,
  changed: () => void,
  { onFirstConnect = true }: { onFirstConnect?: boolean } = {},
): ChangeListener {
  let connectedOnce = false;
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({
      connectionString: url,
      keepAlive: true,
      connectionTimeoutMillis: DATABASE_TIMEOUTS.connectMs,
    });
    next.on("notification", () => changed());
    next.on("error", () => reconnect(next));
    next.on("end", () => reconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGE_CHANNEL}`);
      client = next;
      // whatever was read before this connection listened may be stale
      if (connectedOnce || onFirstConnect) changed();
      connectedOnce = true;
      if (stopped) await next.end().catch(() => {});
    } catch {
      reconnect(next);
    }
  };
  const reconnect = (failed: pg.Client) => {
    failed.removeAllListeners("end");
    failed.end().catch(() => {});
    if (client === failed) client = null;
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, 1_000);
    retry.unref();
  };
  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const current = client;
      client = null;
      current?.removeAllListeners("end");
      await current?.end().catch(() => {});
    },
  };
}
