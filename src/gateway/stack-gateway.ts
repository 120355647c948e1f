// The gateway's side of a start: the gateway over subgraphs already running, as a stack's options say.
import { createTokenVerifier, type JwtConfig } from "../auth/jwt.ts";
import { startGateway, type ResponseCacheOptions, type RunningGateway } from "./gateway.ts";

export interface StackGatewayOptions {
  host: string;
  gatewayPort: number;
  supergraph: string;
  gatewayLogging?: boolean | "debug" | "info" | "warn" | "error";
  persistedDocuments?: { manifest: Record<string, string>; only: boolean };
  /** JWT verification for writes; signingSecret is shared by the gateway and the subgraphs */
  auth?: { jwt: JwtConfig | null; signingSecret: string };
  responseCache?: ResponseCacheOptions | null;
  /** origins allowed to call the gateway from a browser, besides its own and localhost's */
  cors?: { origins: string[] };
  /** Prometheus metrics at /metrics (default true) */
  metrics?: boolean;
}

/** The gateway over subgraphs running at these URLs, as the stack's options say. */
export function startStackGateway(
  options: StackGatewayOptions,
  subgraphUrls: Record<string, string>,
): Promise<RunningGateway> {
  return startGateway({
    supergraph: options.supergraph,
    subgraphUrls,
    port: options.gatewayPort,
    host: options.host,
    ...(options.gatewayLogging !== undefined ? { logging: options.gatewayLogging } : {}),
    ...(options.persistedDocuments ? { persistedDocuments: options.persistedDocuments } : {}),
    ...(options.responseCache ? { responseCache: options.responseCache } : {}),
    ...(options.cors ? { cors: options.cors } : {}),
    ...(options.metrics === false ? { metrics: false } : {}),
    ...(options.auth?.jwt
      ? { auth: { verify: createTokenVerifier(options.auth.jwt), signingSecret: options.auth.signingSecret } }
      : {}),
  });
}
