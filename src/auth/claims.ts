// Who is asking, as the gateway verified it and as the subgraphs trust it: the gateway checks the
// client's JWT and forwards its roles to the subgraphs in a header signed with a secret the
// subgraphs share, so calling a subgraph directly grants nothing.
import { createHmac, timingSafeEqual } from "node:crypto";

export const CLAIMS_HEADER = "x-nlwg-claims";
export const SIGNATURE_HEADER = "x-nlwg-signature";
/** how long a signed header stays valid: enough for one request's fan-out */
const MAX_AGE_MS = 60_000;

export interface Viewer {
  subject: string | null;
  /** e.g. municipality:GM0363, uwv, ministry */
  roles: string[];
}

interface SignedClaims {
  sub: string | null;
  roles: string[];
  /** when the gateway signed it (ms) */
  iat: number;
}

const sign = (payload: string, secret: string) => createHmac("sha256", secret).update(payload).digest("base64url");

/** The two headers the gateway sends to subgraphs for a verified viewer. */
export function signClaims(viewer: Viewer, secret: string, now = Date.now()): Record<string, string> {
  const payload = Buffer.from(
    JSON.stringify({ sub: viewer.subject, roles: viewer.roles, iat: now } satisfies SignedClaims),
  ).toString("base64url");
  return { [CLAIMS_HEADER]: payload, [SIGNATURE_HEADER]: sign(payload, secret) };
}

/**
 * The viewer a subgraph may trust: from correctly signed, fresh claims headers; otherwise nobody
 * (anonymous). A forged or stale header is treated as no header at all.
 */
export function verifiedViewer(
  headers: { get(name: string): string | null | undefined },
  secret: string | null,
  now = Date.now(),
): Viewer | null {
  const payload = headers.get(CLAIMS_HEADER);
  const signature = headers.get(SIGNATURE_HEADER);
  if (!secret || !payload || !signature) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as SignedClaims;
    if (typeof claims.iat !== "number" || Math.abs(now - claims.iat) > MAX_AGE_MS || !Array.isArray(claims.roles))
      return null;
    return { subject: claims.sub ?? null, roles: claims.roles.filter((r) => typeof r === "string") };
  } catch {
    return null;
  }
}

/** May this viewer write figures of this municipality? Its own municipality, or the ministry. */
export const mayWriteMunicipality = (viewer: Viewer, code: string) =>
  viewer.roles.includes("ministry") || viewer.roles.includes(`municipality:${code}`);

/** May this viewer write UWV's regional figures? UWV, or the ministry. */
export const mayWriteUwv = (viewer: Viewer) => viewer.roles.includes("uwv") || viewer.roles.includes("ministry");
