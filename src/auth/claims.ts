// Who is asking, as the gateway verified it and as the subgraphs trust it. The gateway checks the
// client's JWT and sends the viewer's roles to the subgraphs in a claims header. The subgraph request
// carries an HMAC signature over the operation, its variables and that header (roles and time), made
// with a secret the subgraphs share: calling a subgraph directly grants nothing, and a captured
// header is worth nothing with any other operation or variables.
//
// The signature is made by the gateway runtime's maintained plugin (@graphql-mesh/hmac-upstream-
// signature, the `hmacSignature` option): it signs the subgraph request in `extensions`, serialised
// with the plugin's own serialiser, to which the claims header is added here. Its counterpart for
// checking is a GraphQL Yoga plugin, which the subgraphs (Apollo Server) cannot run, and it would see
// only the body: so the check below recomputes the same HMAC with the plugin's serialiser and Node's
// crypto, adds the claims header, and checks the time.
import { createHmac, timingSafeEqual } from "node:crypto";
import { defaultExecutionRequestSerializer, defaultParamsSerializer } from "@graphql-mesh/hmac-upstream-signature";

export const CLAIMS_HEADER = "x-nlwg-claims";
/** the extension of the subgraph request that holds the signature (the plugin's default name) */
export const SIGNATURE_EXTENSION = "hmac-signature";
/** how long a signed request stays valid: enough for one request's fan-out */
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

/** The claims header's value for a verified viewer. */
export function claimsHeader(viewer: Viewer, now = Date.now()): string {
  return Buffer.from(
    JSON.stringify({ sub: viewer.subject, roles: viewer.roles, iat: now } satisfies SignedClaims),
  ).toString("base64url");
}

/** What is signed: the serialised operation and variables, then the claims header (base64url: no newline). */
const signingInput = (serialisedRequest: string | undefined, claims: string) => `${serialisedRequest ?? ""}\n${claims}`;

/**
 * The gateway's serialiser for the HMAC plugin: the plugin's default (operation and variables) and
 * the claims header of the request's viewer.
 */
export function serialiseForSigning(claimsOf: (context: unknown) => string | undefined) {
  return (executionRequest: Parameters<typeof defaultExecutionRequestSerializer>[0]) =>
    signingInput(defaultExecutionRequestSerializer(executionRequest), claimsOf(executionRequest.context) ?? "");
}

/** The HMAC the plugin puts in extensions (base64 of HMAC-SHA256), for tests and direct callers. */
export function signRequest(
  request: { query: string; variables?: Record<string, unknown> | null },
  claims: string,
  secret: string,
): string {
  return createHmac("sha256", secret)
    .update(signingInput(defaultParamsSerializer(request as never), claims))
    .digest("base64");
}

/**
 * The viewer a subgraph may trust: from a fresh claims header whose signature covers this very
 * request (operation and variables); otherwise nobody (anonymous). A forged, stale or replayed
 * header is treated as no header at all.
 */
export function verifiedViewer(
  claims: string | null | undefined,
  request: { query?: unknown; variables?: unknown; extensions?: unknown },
  secret: string | null,
  now = Date.now(),
): Viewer | null {
  const signature = (request.extensions as Record<string, unknown> | null | undefined)?.[SIGNATURE_EXTENSION];
  if (!secret || !claims || typeof signature !== "string" || typeof request.query !== "string") return null;
  const variables =
    request.variables && typeof request.variables === "object"
      ? (request.variables as Record<string, unknown>)
      : undefined;
  const expected = Buffer.from(signRequest({ query: request.query, variables }, claims, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(claims, "base64url").toString("utf8")) as SignedClaims;
    if (typeof payload.iat !== "number" || Math.abs(now - payload.iat) > MAX_AGE_MS || !Array.isArray(payload.roles))
      return null;
    return { subject: payload.sub ?? null, roles: payload.roles.filter((r) => typeof r === "string") };
  } catch {
    return null;
  }
}

/** May this viewer write figures of this municipality? Its own municipality, or the ministry. */
export const mayWriteMunicipality = (viewer: Viewer, code: string) =>
  viewer.roles.includes("ministry") || viewer.roles.includes(`municipality:${code}`);

/** May this viewer write UWV's regional figures? UWV, or the ministry. */
export const mayWriteUwv = (viewer: Viewer) => viewer.roles.includes("uwv") || viewer.roles.includes("ministry");
