import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { JwtConfig } from "./auth/jwt.ts";
import type { DatabaseLocation } from "./db/database.ts";
import { DEFAULT_SUBGRAPH_PORTS } from "./federation/ports.ts";
import { SUBGRAPH_NAMES, type SubgraphName } from "./subgraphs/subgraph.ts";
import { projectFile } from "./common/project-root.ts";
import { readTemplate } from "./db/template.ts";
import { DEFAULT_SYNTHETIC } from "./common/synthetic.ts";

const port = z.coerce.number().int().min(0).max(65_535);
const url = z.string().url();

/** Every environment variable the service reads (documented in README "Configuration"). */
const EnvSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default("localhost"),
  DATABASE_URL: url.optional(),
  REFERENCE_DATABASE_URL: url.optional(),
  MUNICIPAL_DATABASE_URL: url.optional(),
  UWV_DATABASE_URL: url.optional(),
  DATA_DIR: z.string().min(1).default("data"),
  REFERENCE_PORT: port.default(DEFAULT_SUBGRAPH_PORTS.reference),
  MUNICIPAL_PORT: port.default(DEFAULT_SUBGRAPH_PORTS.municipal),
  UWV_PORT: port.default(DEFAULT_SUBGRAPH_PORTS.uwv),
  REFERENCE_URL: url.optional(),
  MUNICIPAL_URL: url.optional(),
  UWV_URL: url.optional(),
  SUPERGRAPH: z.string().min(1).optional(),
  SYNTHETIC_DATA: z.enum(["on", "off"]).default("on"),
  PERSISTED_DOCUMENTS: z.string().min(1).optional(),
  PERSISTED_DOCUMENTS_ONLY: z.enum(["true", "false"]).default("false"),
  JWT_SECRET: z.string().min(32, "JWT_SECRET must be at least 32 characters").optional(),
  JWT_JWKS_FILE: z.string().min(1).optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).default(0),
  REDIS_URL: url.optional(),
  METRICS: z.enum(["on", "off"]).default("on"),
  RESPONSE_CACHE_NAMESPACE: z
    .string()
    .regex(/^[\w.:-]{1,64}$/, "RESPONSE_CACHE_NAMESPACE: letters, digits, . : _ -")
    .optional(),
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim().replace(/\/$/, ""))
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^(\*|https?:\/\/[^/\s]+)$/,
            "CORS_ORIGINS: origins such as https://portal.example.nl, comma-separated",
          ),
      ),
    ),
  SUBGRAPH_SIGNING_SECRET: z.string().min(32, "SUBGRAPH_SIGNING_SECRET must be at least 32 characters").optional(),
  /** npm start: the subgraphs in a worker thread beside the gateway (2), or all in one thread (1) */
  START_THREADS: z.enum(["1", "2"], { errorMap: () => ({ message: "START_THREADS must be 1 or 2" }) }).default("2"),
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`invalid environment: ${problems.join("; ")}`);
  }
  return parsed.data;
}

const upper = (name: SubgraphName) => name.toUpperCase() as Uppercase<SubgraphName>;

/**
 * The database of one subgraph: its own URL, else DATABASE_URL (each subgraph in its own PostgreSQL
 * schema), else embedded PGlite in DATA_DIR/<pgliteName>.
 */
export function databaseLocation(env: Env, subgraph: SubgraphName, pgliteName = "pglite"): DatabaseLocation {
  const url = env[`${upper(subgraph)}_DATABASE_URL`] ?? env.DATABASE_URL;
  if (url) return { kind: "postgresql", url };
  return { kind: "pglite", dataDir: path.resolve(env.DATA_DIR, pgliteName) };
}

let template: Blob | null | undefined;

/**
 * What `npm start` opens: a new embedded database starts from the build's template when that holds
 * what the start would load (the default synthetic figures included), read once for all subgraphs.
 */
export function startLocation(env: Env, subgraph: SubgraphName): DatabaseLocation {
  const location = databaseLocation(env, subgraph);
  if (location.kind !== "pglite" || !location.dataDir || existsSync(location.dataDir) || env.SYNTHETIC_DATA !== "on") {
    return location;
  }
  template ??= readTemplate(DEFAULT_SYNTHETIC);
  return template ? { ...location, template } : location;
}

export const subgraphPort = (env: Env, subgraph: SubgraphName) => env[`${upper(subgraph)}_PORT`];

/** Subgraph URLs set in the environment (REFERENCE_URL …), overriding those in the supergraph. */
export function subgraphUrlOverrides(env: Env): Partial<Record<SubgraphName, string>> {
  return Object.fromEntries(
    SUBGRAPH_NAMES.flatMap((name) => {
      const value = env[`${upper(name)}_URL`];
      return value ? [[name, value]] : [];
    }),
  );
}

/** The typed client's documents, accepted by hash; the generated manifest unless PERSISTED_DOCUMENTS names another. */
export const DEFAULT_PERSISTED_DOCUMENTS = projectFile("src", "client", "generated", "persisted-documents.json");

export function persistedDocuments(env: Env): { manifest: Record<string, string>; only: boolean } {
  return {
    manifest: readPersistedDocuments(env.PERSISTED_DOCUMENTS ?? DEFAULT_PERSISTED_DOCUMENTS),
    only: env.PERSISTED_DOCUMENTS_ONLY === "true",
  };
}

export function readPersistedDocuments(file = DEFAULT_PERSISTED_DOCUMENTS): Record<string, string> {
  let manifest: Record<string, string>;
  try {
    manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  } catch (error) {
    throw new ConfigError(`PERSISTED_DOCUMENTS: cannot read a JSON manifest from ${file}: ${(error as Error).message}`);
  }
  return manifest;
}

/** JWT verification at the gateway, when configured (JWT_SECRET or JWT_JWKS_FILE). */
export function jwtConfig(env: Env): JwtConfig | null {
  if (!env.JWT_SECRET && !env.JWT_JWKS_FILE) return null;
  return {
    ...(env.JWT_JWKS_FILE ? { jwksFile: env.JWT_JWKS_FILE } : { secret: env.JWT_SECRET! }),
    ...(env.JWT_ISSUER ? { issuer: env.JWT_ISSUER } : {}),
    ...(env.JWT_AUDIENCE ? { audience: env.JWT_AUDIENCE } : {}),
  };
}

/**
 * The secret the gateway signs forwarded claims with and the subgraphs check. When gateway and
 * subgraphs run in one process (npm start) a random one will do; split deployments must share one.
 */
export function signingSecret(env: Env): string {
  return env.SUBGRAPH_SIGNING_SECRET ?? randomBytes(32).toString("base64url");
}

/**
 * Response caching when RESPONSE_CACHE_TTL_SECONDS > 0: in memory, or in Redis (shared by every
 * gateway replica) when REDIS_URL is set; retired by changes announced on the subgraphs' PostgreSQL
 * databases, when the gateway is given them (see src/gateway/retirement.ts).
 */
export function responseCache(
  env: Env,
): { ttlMs: number; redisUrl?: string; namespace?: string; databaseUrls: string[] } | null {
  if (env.RESPONSE_CACHE_TTL_SECONDS === 0) return null;
  const databaseUrls = [
    ...new Set(SUBGRAPH_NAMES.flatMap((name) => env[`${upper(name)}_DATABASE_URL`] ?? env.DATABASE_URL ?? [])),
  ];
  return {
    ttlMs: env.RESPONSE_CACHE_TTL_SECONDS * 1000,
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    ...(env.RESPONSE_CACHE_NAMESPACE ? { namespace: env.RESPONSE_CACHE_NAMESPACE } : {}),
    databaseUrls,
  };
}
