// The gateway's /readiness: ready when every subgraph says it is ready; otherwise which subgraph is
// not, and why, in words that reveal no address (the log may say more).
import { NOT_READY } from "../common/http.ts";

const KNOWN_REASONS = new Set<string>(Object.values(NOT_READY));

async function subgraphState(url: string, timeoutMs: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url.replace(/\/graphql\/?$/, "") + "/readiness", { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const e = error as { name?: string; cause?: { code?: string } };
    if (e.name === "TimeoutError") return `not reachable: no answer within ${timeoutMs} ms`;
    if (e.cause?.code === "ECONNREFUSED") return "not reachable: connection refused";
    return "not reachable";
  }
  // a subgraph without a readiness endpoint (a partner's) counts as ready when it answers at all
  if (response.ok || response.status === 404) {
    await response.body?.cancel();
    return "ready";
  }
  const body = (await response.json().catch(() => ({}))) as { reason?: unknown };
  const reason = typeof body.reason === "string" && KNOWN_REASONS.has(body.reason) ? body.reason : null;
  return `not ready: ${reason ?? `its readiness check answered HTTP ${response.status}`}`;
}

export async function readiness(
  subgraphUrls: Record<string, string>,
  timeoutMs = 1_500,
): Promise<{ ready: boolean; subgraphs: Record<string, string> }> {
  const entries = await Promise.all(
    Object.entries(subgraphUrls).map(async ([name, url]) => [name, await subgraphState(url, timeoutMs)] as const),
  );
  return { ready: entries.every(([, state]) => state === "ready"), subgraphs: Object.fromEntries(entries) };
}
