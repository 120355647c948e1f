// When the gateway's cached answers retire. Every cache key holds a generation; a new generation
// retires every entry at once, in every replica:
//
// - the generation is a counter in Redis (`<namespace>:generation`) when the cache is in Redis, so all
//   replicas share their entries and agree on which are current; a replica reads it at start and
//   follows it on a pub/sub channel of the same name (Redis sends the message to every subscriber
//   before it answers the writer, so a replica hears of a write before the writer's client does);
// - a successful mutation through a replica increments it (INCR and PUBLISH in one transaction)
//   before the mutation's answer leaves the gateway;
// - writes that do not pass a gateway (`npm run data -- import`, seeding, a subgraph written
//   directly) are announced by their writer on PostgreSQL (NOTIFY nl_work_graph_data, as for the
//   subgraphs' own caches): a gateway given the databases LISTENs and increments the generation too.
//
// Without Redis each replica caches in its own memory and counts its own generation; the PostgreSQL
// notifications still reach it. If Redis cannot be reached the replica keeps a generation of its own
// (shares nothing, serves nothing stale) until Redis answers again.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { listenForChanges, type ChangeListener } from "../db/database.ts";

export interface Retirement {
  /** the generation to put in each cache key now */
  current(): string;
  /** retires every cached answer in every replica; resolves once the others have been told */
  retire(): Promise<void>;
  stop(): Promise<void>;
}

export interface RetirementOptions {
  /** prefix of the Redis key and channel */
  namespace: string;
  /** the shared cache's Redis; without it the generation is this process's own */
  redisUrl?: string;
  /** PostgreSQL databases whose change notifications retire the cache (the subgraphs' databases) */
  databaseUrls?: string[];
  /** told of failures to reach Redis (once per outage) */
  warn?: (message: string) => void;
}

// INCR and PUBLISH atomically, so the order of the messages is the order of the values
const INCREMENT_AND_PUBLISH = `local n = redis.call('INCR', KEYS[1]) redis.call('PUBLISH', KEYS[1], n) return n`;

export async function startRetirement(options: RetirementOptions): Promise<Retirement> {
  // used while there is no shared generation: unique to this process, never reused
  const own = `p${randomUUID().slice(0, 8)}`;
  let local = 0;
  let shared: number | null = null;
  const adopt = (value: unknown) => {
    const n = Number(value);
    if (Number.isSafeInteger(n) && (shared === null || n > shared)) shared = n;
  };
  const key = `${options.namespace}:generation`;

  let commands: Redis | null = null;
  let subscriber: Redis | null = null;
  let warned = false;
  const lost = (error: unknown) => {
    // whatever happens meanwhile is not heard: go it alone until Redis answers again
    shared = null;
    if (!warned) options.warn?.(`response cache generation: Redis unavailable (${(error as Error).message})`);
    warned = true;
  };
  if (options.redisUrl) {
    const connection = { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true } as const;
    const redis = (commands = new Redis(options.redisUrl, connection));
    const sub = (subscriber = new Redis(options.redisUrl, connection));
    redis.on("error", lost);
    sub.on("error", lost);
    sub.on("message", (channel: string, message: string) => {
      if (channel === key) adopt(message);
    });
    // subscribe, then read the generation, so that no increment falls between. After an outage,
    // increment it instead: writes made meanwhile could not say so.
    const resync = (reconnected: boolean) =>
      sub
        .subscribe(key)
        .then(() => (reconnected ? redis.eval(INCREMENT_AND_PUBLISH, 1, key) : redis.get(key)))
        .then((value) => {
          warned = false;
          adopt(value ?? 0);
        })
        .catch(lost);
    let started = false;
    const reconnected = () => void (started && resync(true));
    redis.on("ready", reconnected);
    sub.on("ready", reconnected);
    await Promise.allSettled([redis.connect(), sub.connect()]);
    // the first reading, before the gateway serves anything
    await resync(false);
    started = true;
  }

  const retire = async () => {
    local += 1;
    if (!commands) return;
    try {
      adopt(await commands.eval(INCREMENT_AND_PUBLISH, 1, key));
    } catch (error) {
      lost(error);
    }
  };

  const listeners: ChangeListener[] = [...new Set(options.databaseUrls ?? [])].map((url) =>
    listenForChanges(url, () => void retire(), { onFirstConnect: false }),
  );

  return {
    current: () => (shared === null ? `${own}.${local}` : String(shared)),
    retire,
    async stop() {
      await Promise.all(listeners.map((listener) => listener.stop()));
      subscriber?.disconnect();
      commands?.disconnect();
    },
  };
}
