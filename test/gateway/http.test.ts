import http from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPERGRAPH_FILE } from "../../src/federation/supergraph-file.ts";
import { startGateway } from "../../src/gateway/gateway.ts";
import { BACKENDS } from "../support/databases.ts";
import { postGraphQL, startTestStack, type TestStack } from "../support/stack.ts";

const backend = BACKENDS[0]!;

describe("the gateway over HTTP", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(backend);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("serves a GraphiQL page that loads nothing from the network", async () => {
    const res = await fetch(stack.gateway.url, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/graphiql/i);
    const external = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)=["'](https?:)?\/\/[^"']+["']/gi)].map(
      (m) => m[0],
    );
    expect(external).toEqual([]);
    expect(html).toContain('labourMarketRegion(code: \\"AM01\\")');
  });

  it("answers /healthcheck and /readiness", async () => {
    const base = stack.gateway.url.replace(/\/graphql$/, "");
    expect((await fetch(`${base}/healthcheck`)).status).toBe(200);
    expect((await fetch(`${base}/readiness`)).status).toBe(200);
  });

  it("answers malformed requests with 4xx and keeps serving", async () => {
    const bad = [
      { body: "{not json", type: "application/json" },
      { body: JSON.stringify({ query: "{ municipality(code: " }), type: "application/json" },
      { body: JSON.stringify({ query: "{ noSuchField }" }), type: "application/json" },
      { body: JSON.stringify({ query: 42 }), type: "application/json" },
      {
        body: JSON.stringify({
          query: "query ($c: ID) { municipality(code: $c) { code } }",
          variables: { c: { x: 1 } },
        }),
        type: "application/json",
      },
    ];
    for (const request of bad) {
      const res = await fetch(stack.gateway.url, {
        method: "POST",
        headers: { "content-type": request.type },
        body: request.body,
      });
      expect(res.status, request.body).toBeGreaterThanOrEqual(200);
      expect(res.status, request.body).toBeLessThan(500);
      const body = (await res.json()) as { errors?: unknown[] };
      expect(body.errors?.length, request.body).toBeGreaterThan(0);
    }
    const ok = await stack.gql(`{ municipality(code: "GM0363") { name } }`);
    expect(ok.data).toEqual({ municipality: { name: "Amsterdam" } });
  });

  it("subgraphs reject unreadable bodies with a JSON error, not a crash", async () => {
    const res = await fetch(stack.subgraphs.reference.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{oops",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
  });

  it("runs over a supergraph fetched from a URL, with subgraph URLs from configuration", async () => {
    const sdl = readFileSync(SUPERGRAPH_FILE, "utf8");
    const server = http.createServer((_, res) => res.writeHead(200, { "content-type": "text/plain" }).end(sdl));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const gateway = await startGateway({
      supergraph: `http://127.0.0.1:${(server.address() as AddressInfo).port}/supergraph.graphql`,
      subgraphUrls: Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url])),
      port: 0,
      host: "127.0.0.1",
      logging: false,
    });
    try {
      const res = await postGraphQL(gateway.url, `{ labourMarketRegion(code: "AM02") { name municipalityCount } }`);
      expect(res.data).toEqual({ labourMarketRegion: { name: "Friesland", municipalityCount: 18 } });
    } finally {
      await gateway.stop();
      server.close();
    }
  });
});

describe("when a subgraph's database fails", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(backend);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("says the database is unavailable (no SQL, no stack) and the processes stay up", async () => {
    await stack.databases.reference.server.close();
    const res = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ municipality(code: "GM0363") { name } }` }),
    });
    const text = await res.text();
    expect(res.status).toBeLessThan(500);
    expect(text).not.toMatch(/prisma|select|stack|\bat \w+ \(/i);
    expect(JSON.parse(text).errors[0]).toMatchObject({
      message: "The reference subgraph's database is unavailable; try again later.",
      extensions: { code: "DATABASE_UNAVAILABLE", serviceName: "reference" },
    });
    const base = stack.gateway.url.replace(/\/graphql$/, "");
    expect((await fetch(`${base}/healthcheck`)).status).toBe(200);
    const direct = await fetch(stack.subgraphs.reference.url.replace(/\/graphql$/, "/readiness"));
    expect(direct.status).toBe(503);
  });
});
