// Grafbase's gateway (native, Rust) as a peer: the binary shipped in the npm package
// @grafbase/cli-x86_64-unknown-linux-musl, run as `grafbase dev -c grafbase.toml -p PORT`.
import { createRequire } from "node:module";
import path from "node:path";
import type { PeerConfig } from "./peer-config.ts";

const require = createRequire(import.meta.url);

/** The grafbase binary inside the installed npm package. */
export const grafbaseBinary = () =>
  path.join(path.dirname(require.resolve("@grafbase/cli-x86_64-unknown-linux-musl/package.json")), "grafbase");

/** TOML basic string (JSON's escapes are TOML's for the characters that need one). */
const tomlString = (value: string) => JSON.stringify(value);

/**
 * grafbase.toml: one [subgraphs.<name>] section per subgraph (its URL and its schema file), composed
 * by `grafbase dev` itself. cold: in-flight de-duplication off (on by default), no entity cache (off
 * by default); portal: entity caching on, in Redis when it answers, else in memory.
 */
export function grafbaseToml(config: PeerConfig, schemaFile: (subgraph: string) => string): string {
  const lines: string[] = [];
  for (const [name, url] of Object.entries(config.subgraphs)) {
    lines.push(`[subgraphs.${name}]`, `url = ${tomlString(url)}`, `schema_path = ${tomlString(schemaFile(name))}`, "");
  }
  if (config.scenario === "cold") {
    lines.push("[traffic_shaping]", "inflight_deduplication = false", "");
  } else {
    lines.push(
      "[entity_caching]",
      "enabled = true",
      `ttl = "${config.cacheTtlSeconds}s"`,
      `storage = ${tomlString(config.redisUrl ? "redis" : "memory")}`,
      "",
    );
    if (config.redisUrl) {
      lines.push(
        "[entity_caching.redis]",
        `url = ${tomlString(config.redisUrl)}`,
        `key_prefix = ${tomlString(config.namespace)}`,
        "",
      );
    }
  }
  return lines.join("\n");
}
