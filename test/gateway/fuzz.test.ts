import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../src/app.ts";
import { readPersistedDocuments } from "../../src/config.ts";
import { randomFor } from "../../src/domain/random.ts";
import { BACKENDS } from "../support/databases.ts";
import { leaksIn } from "../support/leaks.ts";
import { startTestStack, type TestStack } from "../support/stack.ts";
import { startProxiedStack, type TcpProxy } from "../support/tcp-proxy.ts";

/** `npm run fuzz` sets a larger count; the suite runs 10,000 */
const COUNT = Number(process.env.FUZZ_REQUESTS ?? 10_000);

interface FuzzRequest {
  method: "GET" | "POST";
  /** query string (GET) */
  search?: string;
  body?: Buffer | string;
  headers: Record<string, string>;
  /** a request over a limit: anything but a refusal is a bypass */
  overLimit?: boolean;
  label: string;
}

/** Hostile, malformed and ordinary requests, generated deterministically from a seed. */
function requests(count: number, seed: number): FuzzRequest[] {
  const random = randomFor("fuzz", seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const junk = (n: number) =>
    Array.from({ length: n }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join("");
  const persisted = Object.keys(readPersistedDocuments()).map((k) => k.replace(/^sha256:/, ""));
  const json = { "content-type": "application/json" };
  const post = (body: unknown, label: string, extra: Partial<FuzzRequest> = {}): FuzzRequest => ({
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: json,
    label,
    ...extra,
  });
  const get = (params: Record<string, string>, label: string, extra: Partial<FuzzRequest> = {}): FuzzRequest => ({
    method: "GET",
    search: new URLSearchParams(params).toString(),
    headers: { accept: "application/json" },
    label,
    ...extra,
  });
  const costly = (n: number, argument: string) =>
    `query ($n: Int) { ${Array.from({ length: n }, (_, i) => `m${i}: municipalities${argument} { nodes { province { labourMarketRegions { municipalities { nodes { name code } } } } } }`).join(" ")} }`;
  // the large bodies, made once: compressing megabytes per request would make the test slow, not the gateway
  const large = JSON.stringify({ query: "{ provinces { name } }", variables: { pad: "x".repeat(1_000_000) } });
  const bombs = {
    gzip: zlib.gzipSync(large),
    deflate: zlib.deflateSync(large),
    br: zlib.brotliCompressSync(large),
  };
  const bigBody = () =>
    JSON.stringify({
      query: "{ provinces { name } }",
      variables: { pad: "x".repeat(200_000 + Math.floor(random() * 3_000_000)) },
    });
  const generators: (() => FuzzRequest)[] = [
    () => post(junk(1 + Math.floor(random() * 200)), "junk body"),
    () => post('{"query":' + junk(20), "truncated JSON"),
    () => post({ query: `{ municipality(code: ${JSON.stringify(junk(8))}) { name } }` }, "junk code"),
    () =>
      post(
        {
          query: "query ($c: ID) { municipality(code: $c) { name } }",
          variables: { c: pick([123, true, null, [1], { a: 1 }, junk(10)]) },
        },
        "bad variable",
      ),
    () =>
      post(
        {
          query: "query ($y: Int!) { buigNational(year: $y) { year } }",
          variables: { y: pick(["2017", 3.5, -1, 99999999999, null, {}]) },
        },
        "bad int",
      ),
    () =>
      post(
        {
          query: `{ municipalities(first: ${pick([-1, 501, 2147483647, 0])}, after: ${JSON.stringify(junk(30))}) { totalCount } }`,
        },
        "bad page",
      ),
    () => post({ query: junk(50) }, "junk query"),
    () =>
      post(
        { query: pick(["mutation { x }", "subscription { x }", "{ __schema { types { name } } }"]) },
        "odd operation",
      ),
    () => post({ query: "{ provinces { name } }", variables: pick(["x", 1, [], true]) }, "variables not an object"),
    () =>
      post(
        { query: "{ provinces { name } }", extensions: pick(["x", 1, [], { persistedQuery: "x" }]) },
        "odd extensions",
      ),
    () => post([{ query: "{ provinces { name } }" }], "batch"),
    () =>
      post(
        {
          extensions: {
            persistedQuery: {
              version: 1,
              sha256Hash: pick(["__proto__", "constructor", "toString", "valueOf", junk(64), pick(persisted)]),
            },
          },
          variables: { code: "GM0363", year: 2017, first: pick([1, 5, 501, -1]) },
        },
        "persisted id",
      ),
    () =>
      get(
        {
          extensions: JSON.stringify({
            persistedQuery: { version: 1, sha256Hash: pick(["__proto__", "constructor", pick(persisted)]) },
          }),
        },
        "persisted id over GET",
      ),
    () =>
      get(
        { query: "{ provinces { name } }", variables: pick(["{bad", "[1]", "null", "1", junk(10)]) },
        "GET bad variables",
      ),
    () => get({ query: "{ provinces { name } }", extensions: pick(["{bad", "[]", junk(10)]) }, "GET bad extensions"),
    () =>
      get(
        {
          query: pick([
            "{ provinces { name } }",
            junk(30),
            "mutation { x }",
            `{ municipality(code: "GM0363") { name } }`,
          ]),
        },
        "GET query",
      ),
    () =>
      get({ query: costly(15, "(first: $n)"), variables: JSON.stringify({ n: 500 }) }, "GET cost via variable", {
        overLimit: true,
      }),
    () =>
      post(
        { query: costly(15, "(first: $n)"), variables: { n: 400 + Math.floor(random() * 100) } },
        "cost via variable",
        { overLimit: true },
      ),
    () => post({ query: costly(20, "") }, "cost via default", { overLimit: true }),
    () =>
      post({ query: costly(15, "(first: $n)").replace("$n: Int", "$n: Int = 500") }, "cost via variable default", {
        overLimit: true,
      }),
    () =>
      post(
        {
          query:
            "{ " +
            'labourMarketRegion(code: "AM01") { municipalities { nodes { '.repeat(8) +
            "name" +
            " } } }".repeat(8) +
            " }",
        },
        "too deep",
        { overLimit: true },
      ),
    () =>
      post(
        { query: `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: provinces { name }`).join(" ")} }` },
        "too many aliases",
        { overLimit: true },
      ),
    () =>
      post({ query: `{ provinces { ${"name @include(if: true) ".repeat(30)} } }` }, "too many directives", {
        overLimit: true,
      }),
    () => ({ ...post(bigBody(), "large body"), overLimit: true }),
    () => {
      const encoding = pick(["gzip", "deflate", "br"] as const);
      return {
        ...post(bombs[encoding], `${encoding} bomb`),
        headers: { ...json, "content-encoding": encoding },
        overLimit: true,
      };
    },
    () => {
      const [encoding, compress] = pick([
        ["gzip", zlib.gzipSync],
        ["deflate", zlib.deflateSync],
        ["br", zlib.brotliCompressSync],
      ] as const);
      return {
        ...post(
          compress(Buffer.from(JSON.stringify({ query: pick(["{ provinces { name } }", junk(20)]) }))),
          `${encoding} body`,
        ),
        headers: { ...json, "content-encoding": encoding },
      };
    },
    () => ({
      ...post(junk(100), "corrupt gzip"),
      headers: { ...json, "content-encoding": pick(["gzip", "br", "deflate", "zstd", "x"]) },
    }),
    () => ({
      ...post({ query: "{ provinces { name } }" }, "not JSON"),
      headers: {
        "content-type": pick([
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/xml",
        ]),
      },
    }),
    () =>
      post(
        {
          query: `{ municipality(code: "${pick(["GM0363", "GM0014", "GM1900"])}") { name buig(year: ${pick([2015, 2017, 2024, 1800])}) { budget { value } } } }`,
        },
        "ordinary",
      ),
    () =>
      post(
        {
          query: `{ labourMarketRegion(code: "${pick(["AM01", "AM02", "XX99"])}") { name jobAgreement(year: 2021) { jobs } } }`,
        },
        "ordinary across subgraphs",
      ),
  ];
  return Array.from({ length: count }, () => pick(generators)());
}

interface Counts {
  requests: number;
  fivexx: string[];
  leaks: string[];
  bypasses: string[];
}

async function fire(url: string, list: FuzzRequest[], concurrency = 16): Promise<Counts> {
  const counts: Counts = { requests: 0, fivexx: [], leaks: [], bypasses: [] };
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const request = list[next++]!;
      const res = await fetch(request.method === "GET" ? `${url}?${request.search}` : url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body as BodyInit } : {}),
      });
      const text = await res.text();
      counts.requests += 1;
      if (res.status >= 500) counts.fivexx.push(`${res.status} ${request.label}: ${text.slice(0, 200)}`);
      const leaked = leaksIn(text);
      if (leaked.length) counts.leaks.push(`${request.label} (${leaked.join(", ")}): ${text.slice(0, 300)}`);
      if (request.overLimit && res.status < 400) {
        const body = JSON.parse(text) as { data?: unknown };
        if (body.data != null) counts.bypasses.push(`${res.status} ${request.label}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return counts;
}

const report = (phase: string, c: Counts) =>
  console.log(
    `fuzz ${phase}: ${c.requests} requests, ${c.fivexx.length} 5xx, ${c.leaks.length} leaked addresses/stack traces, ${c.bypasses.length} limit bypasses`,
  );

const expectClean = (c: Counts) => {
  expect(c.fivexx.slice(0, 5)).toEqual([]);
  expect(c.leaks.slice(0, 5)).toEqual([]);
  expect(c.bypasses.slice(0, 5)).toEqual([]);
};

describe("seeded hostile requests over GET and POST", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(BACKENDS[0]!);
  });
  afterAll(async () => {
    await stack?.close().catch(() => {});
  });

  it(`${COUNT} requests: no 5xx, nothing internal in any response, no limit passed`, async () => {
    const counts = await fire(stack.gateway.url, requests(COUNT, 1));
    report("healthy", counts);
    expect(counts.requests).toBe(COUNT);
    expectClean(counts);
    const after = await stack.gql(`{ labourMarketRegion(code: "AM01") { population { value } } }`);
    expect(after.data!.labourMarketRegion.population.value).toBe(763_315);
  }, 180_000);

  it("and the same with a subgraph killed, then a database gone", async () => {
    await stack.subgraphs.uwv.stop();
    const down = await fire(stack.gateway.url, requests(Math.ceil(COUNT / 20), 2));
    report("uwv subgraph killed", down);
    expectClean(down);
    await stack.databases.municipal.server.close();
    const gone = await fire(stack.gateway.url, requests(Math.ceil(COUNT / 20), 3));
    report("municipal database closed", gone);
    expectClean(gone);
    for (const url of [stack.gateway.url, stack.subgraphs.reference.url]) {
      expect((await fetch(url.replace(/\/graphql$/, "/healthcheck"))).status).toBe(200);
    }
  }, 120_000);
});

// a database that stops answering, and one that refuses connections: PostgreSQL behind a proxy
describe.each(BACKENDS.filter((b) => b.name === "postgresql"))("seeded requests against a failing $name", (backend) => {
  let proxy: TcpProxy;
  let stack: Stack;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ proxy, stack, close } = await startProxiedStack(backend));
  });
  afterAll(async () => {
    await close?.();
  });

  it("database silent, then connections refused", async () => {
    proxy.freeze();
    const silent = await fire(stack.gateway.url, requests(64, 4), 32);
    report("database silent", silent);
    expectClean(silent);
    proxy.thaw();
    await proxy.close();
    const refused = await fire(stack.gateway.url, requests(Math.ceil(COUNT / 20), 5));
    report("connections refused", refused);
    expectClean(refused);
  }, 120_000);
});
