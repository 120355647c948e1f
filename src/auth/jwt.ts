// JWT verification at the gateway: HS256 with a shared secret, or keys from a JWKS file.
import { readFileSync } from "node:fs";
import { createLocalJWKSet, jwtVerify, type JWTVerifyGetKey } from "jose";
import type { Viewer } from "./claims.ts";

export interface JwtConfig {
  /** HS256 secret */
  secret?: string;
  /** path of a JWKS (JSON Web Key Set) file, for RS256/ES256 tokens */
  jwksFile?: string;
  issuer?: string;
  audience?: string;
}

export class InvalidTokenError extends Error {}

/** Verifies bearer tokens; the viewer's roles come from the `roles` claim (a list of strings). */
export function createTokenVerifier(config: JwtConfig): (token: string) => Promise<Viewer> {
  const key: Uint8Array | JWTVerifyGetKey = config.jwksFile
    ? createLocalJWKSet(JSON.parse(readFileSync(config.jwksFile, "utf8")))
    : new TextEncoder().encode(config.secret ?? "");
  if (!config.jwksFile && !config.secret) throw new Error("JWT verification needs JWT_SECRET or JWT_JWKS_FILE");
  const cache = new Map<string, { viewer: Viewer; expiresAt: number }>();
  return async (token) => {
    const hit = cache.get(token);
    if (hit && hit.expiresAt > Date.now()) return hit.viewer;
    try {
      const { payload } = await jwtVerify(token, key as never, {
        ...(config.issuer ? { issuer: config.issuer } : {}),
        ...(config.audience ? { audience: config.audience } : {}),
        requiredClaims: ["exp"],
      });
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === "string") : [];
      const viewer = { subject: payload.sub ?? null, roles };
      if (cache.size > 10_000) cache.clear();
      cache.set(token, { viewer, expiresAt: Math.min((payload.exp ?? 0) * 1000, Date.now() + 60_000) });
      return viewer;
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
  };
}
