import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SUPERGRAPH_FILE } from "../../src/federation/supergraph-file.ts";
import { startGateway, type RunningGateway } from "../../src/gateway/gateway.ts";
import { BACKENDS } from "../support/databases.ts";
import { startTestStack, type TestStack } from "../support/stack.ts";

describe("the gateway's log (standard output not a terminal)", () => {
  let stack: TestStack;
  let gateway: RunningGateway;
  const lines: string[] = [];
  beforeAll(async () => {
    stack = await startTestStack(BACKENDS[0]!);
    gateway = await startGateway({
      supergraph: SUPERGRAPH_FILE,
      subgraphUrls: {
        ...Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url])),
        // nothing listens here: the uwv subgraph is down
        uwv: "http://127.0.0.1:9/graphql",
      },
      port: 0,
      host: "127.0.0.1",
      logging: "info",
    });
    for (const method of ["log", "info", "warn", "error", "debug"] as const)
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await gateway?.stop();
    await stack?.close();
  });

  const post = (query: string) =>
    fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });

  it("writes JSON lines without colour codes, and no error for a client's mistake", async () => {
    lines.length = 0;
    const res = await post(`{ municipality(code: "GM03") { name } nosuchfield }`);
    expect(res.status).toBeLessThan(500);
    const bad = await post(`{ municipality(code: "GM03") { name } }`);
    expect(((await bad.json()) as any).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    for (const line of lines) {
      expect(line.includes("\u001b[")).toBe(false);
      expect(JSON.parse(line).level, line).not.toBe("error");
    }
  });

  it("names the request id on the lines of a request that met a failure", async () => {
    lines.length = 0;
    const res = await post(`{ labourMarketRegion(code: "AM01") { name jobAgreement(year: 2021) { jobs } } }`);
    const requestId = res.headers.get("x-request-id");
    expect(((await res.json()) as any).errors[0].extensions).toEqual({
      code: "SUBGRAPH_UNAVAILABLE",
      serviceName: "uwv",
    });
    const entries = lines.map((line) => JSON.parse(line) as { level: string; msg?: string; requestId?: string });
    const failure = entries.find((e) => e.msg?.includes("subgraph uwv did not answer"));
    expect(failure, lines.join("\n")).toMatchObject({ level: "warn", requestId });
    // the detail stays in the log
    expect(failure!.msg).toMatch(/127\.0\.0\.1:9|fetch failed|ECONNREFUSED/);
  });
});
