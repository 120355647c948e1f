import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPersistedDocuments } from "../../src/config.ts";
import { SUPERGRAPH_FILE } from "../../src/federation/supergraph-file.ts";
import { startGateway, type RunningGateway } from "../../src/gateway/gateway.ts";
import { BACKENDS } from "../support/databases.ts";
import { startTestStack, type TestStack } from "../support/stack.ts";

type Body = { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
const read = async (res: Response) => ({ status: res.status, headers: res.headers, ...((await res.json()) as Body) });

describe("client mistakes and cross-site requests", () => {
  let stack: TestStack;
  let safelisted: RunningGateway;
  beforeAll(async () => {
    stack = await startTestStack(BACKENDS[0]!);
    safelisted = await startGateway({
      supergraph: SUPERGRAPH_FILE,
      subgraphUrls: Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url])),
      port: 0,
      host: "127.0.0.1",
      logging: false,
      persistedDocuments: { manifest: readPersistedDocuments(), only: true },
      cors: { origins: ["https://portal.example.nl"] },
    });
  });
  afterAll(async () => {
    await safelisted?.stop();
    await stack?.close();
  });

  const get = (base: string, params: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${base}?${new URLSearchParams(params)}`, { headers: { accept: "application/json", ...headers } });
  const QUERY = "{ provinces { name } }";

  it.each(["variables", "extensions"])("answers a GET with malformed JSON in %s with 400 saying so", async (name) => {
    const res = await read(await get(stack.gateway.url, { query: QUERY, [name]: "{bad" }));
    expect(res.status).toBe(400);
    expect(res.errors?.[0]).toMatchObject({
      message: expect.stringMatching(new RegExp(`"${name}" query parameter is not valid JSON`)),
      extensions: { code: "BAD_REQUEST" },
    });
    const array = await read(await get(stack.gateway.url, { query: QUERY, [name]: "[1]" }));
    expect(array.status).toBe(400);
    expect(array.errors?.[0]?.message).toMatch(/must be a JSON object/);
  });

  it("answers GET and POST alike for good requests", async () => {
    const viaGet = await read(
      await get(stack.gateway.url, {
        query: "query ($c: ID!) { municipality(code: $c) { name } }",
        variables: JSON.stringify({ c: "GM0363" }),
      }),
    );
    expect(viaGet.data).toEqual({ municipality: { name: "Amsterdam" } });
    expect((await stack.gql("query ($c: ID!) { municipality(code: $c) { name } }", { c: "GM0363" })).data).toEqual(
      viaGet.data,
    );
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "sha256:__proto__", "0".repeat(64)])(
    "answers a persisted-document id %s that is not in the manifest with 400 PERSISTED_QUERY_NOT_FOUND",
    async (id) => {
      for (const url of [stack.gateway.url, safelisted.url]) {
        const extensions = { persistedQuery: { version: 1, sha256Hash: id } };
        const post = await read(
          await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ extensions }),
          }),
        );
        expect(post.status, url).toBe(400);
        expect(post.errors?.[0]).toMatchObject({
          message: expect.stringContaining(`No persisted document has the id "${id}"`),
          extensions: { code: "PERSISTED_QUERY_NOT_FOUND" },
        });
        const viaGet = await read(await get(url, { extensions: JSON.stringify(extensions) }));
        expect(viaGet.status).toBe(400);
        expect(viaGet.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
      }
    },
  );

  it("runs a persisted document by its hash, and in safelist mode refuses anything else with a 4xx", async () => {
    const [key, document] = Object.entries(readPersistedDocuments()).find(([, d]) => d.startsWith("query Areas "))!;
    const hash = key.replace(/^sha256:/, "");
    expect(createHash("sha256").update(document).digest("hex")).toBe(hash);
    const ok = await read(
      await fetch(safelisted.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
      }),
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.labourMarketRegions).toHaveLength(35);
    const arbitrary = await read(
      await fetch(safelisted.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: QUERY }),
      }),
    );
    expect(arbitrary.status).toBe(400);
    expect(arbitrary.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_ONLY");
    const nothing = await read(
      await fetch(safelisted.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
    );
    expect(nothing.status).toBe(400);
    expect(nothing.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_ID_REQUIRED");
  });

  it.each([
    ["application/x-www-form-urlencoded", `query=${encodeURIComponent(QUERY)}`],
    ["multipart/form-data; boundary=x", `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${QUERY}\r\n--x--`],
    ["text/plain", JSON.stringify({ query: QUERY })],
    [null, JSON.stringify({ query: QUERY })],
  ])("refuses a POST of %s before anything runs (CSRF prevention)", async (type, body) => {
    const before = stack.sqlCounts().reference;
    const res = await read(
      await fetch(stack.gateway.url, {
        method: "POST",
        headers: type ? { "content-type": type } : {},
        body: type ? body : new Blob([body]),
      }),
    );
    expect(res.status).toBe(415);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/must send JSON with Content-Type: application\/json/),
      extensions: { code: "UNSUPPORTED_MEDIA_TYPE" },
    });
    expect(stack.sqlCounts().reference).toBe(before);
  });

  it("refuses a mutation over GET", async () => {
    const res = await get(stack.gateway.url, { query: "mutation { submitBuigSpending(input: {}) { changed } }" });
    expect(res.status).toBe(405);
  });

  describe("CORS", () => {
    const call = (url: string, origin: string, method = "POST") =>
      fetch(url, {
        method,
        headers: {
          origin,
          "content-type": "application/json",
          ...(method === "OPTIONS"
            ? { "access-control-request-method": "POST", "access-control-request-headers": "content-type" }
            : {}),
        },
        ...(method === "POST" ? { body: JSON.stringify({ query: QUERY }) } : {}),
      });

    it("gives another site no CORS headers and never credentials", async () => {
      for (const method of ["POST", "OPTIONS"]) {
        const res = await call(stack.gateway.url, "https://evil.example", method);
        expect(res.headers.get("access-control-allow-origin"), method).toBeNull();
        expect(res.headers.get("access-control-allow-credentials"), method).toBeNull();
      }
    });

    it("allows the gateway's own origin, localhost pages and configured origins", async () => {
      const own = new URL(stack.gateway.url).origin;
      for (const origin of [own, "http://localhost:5173", "http://127.0.0.1:3000"]) {
        const res = await call(stack.gateway.url, origin);
        expect(res.headers.get("access-control-allow-origin"), origin).toBe(origin);
      }
      const configured = await call(safelisted.url, "https://portal.example.nl", "OPTIONS");
      expect(configured.headers.get("access-control-allow-origin")).toBe("https://portal.example.nl");
      expect(
        (await call(stack.gateway.url, "https://portal.example.nl")).headers.get("access-control-allow-origin"),
      ).toBeNull();
    });
  });
});
