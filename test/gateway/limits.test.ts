import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildASTSchema, parse } from "graphql";
import { RECIPES } from "../../scripts/recipes.ts";
import { PUBLIC_SCHEMA_FILE } from "../../src/federation/compose.ts";
import zlib from "node:zlib";
import { cachedOperationCost, operationCost } from "../../src/gateway/cost.ts";
import { DEFAULT_LIMITS } from "../../src/gateway/limits.ts";
import { readPersistedDocuments } from "../../src/config.ts";
import { BACKENDS } from "../support/databases.ts";
import { startTestStack, type TestStack } from "../support/stack.ts";

describe("query limits", () => {
  it("let every documented query through: the typed client's documents (with the largest page) and the recipes", () => {
    const schema = buildASTSchema(parse(readFileSync(PUBLIC_SCHEMA_FILE, "utf8")));
    const documents = [...Object.values(readPersistedDocuments()), ...RECIPES.map((r) => r.query)];
    let highest = 0;
    for (const text of documents) {
      const document = parse(text);
      for (const variables of [{}, { first: 500 }]) {
        const cost = operationCost(schema, document, null, variables, DEFAULT_LIMITS);
        expect(cost, text.slice(0, 60)).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
        highest = Math.max(highest, cost);
      }
    }
    console.log(`highest documented cost: ${highest}`);
    expect(highest).toBeLessThan(DEFAULT_LIMITS.maxCost / 2);
  });

  describe("at the gateway", () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startTestStack(BACKENDS[0]!);
    });
    afterAll(async () => {
      await stack?.close();
    });

    const nest = (depth: number) =>
      '{ labourMarketRegion(code: "AM01") ' +
      "{ municipalities { nodes { labourMarketRegion ".repeat(depth) +
      "{ name }" +
      " } } }".repeat(depth) +
      " }";

    it.each([
      ["too deep", nest(5), "QUERY_TOO_DEEP"],
      [
        "too many aliases",
        `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: provinces { name }`).join(" ")} }`,
        "TOO_MANY_ALIASES",
      ],
      ["too many tokens", `{ provinces { ${"name ".repeat(4000)} } }`, "QUERY_TOO_LARGE"],
      ["too many directives", `{ provinces { name ${"@include(if: true) ".repeat(30)} } }`, "TOO_MANY_DIRECTIVES"],
      [
        "too costly",
        `{ ${Array.from({ length: 15 }, (_, i) => `m${i}: municipalities(first: 500) { nodes { province { labourMarketRegions { municipalities { nodes { name code } } } } } }`).join(" ")} }`,
        "QUERY_TOO_COMPLEX",
      ],
    ])("rejects a query %s with a clear error and a code, never a 500", async (_, query, code) => {
      const res = await stack.gql(query);
      expect(res.status).toBeLessThan(500);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
      expect(res.errors?.[0]?.message).toMatch(/limit|exceeded/i);
    });

    const post = (body: BodyInit, headers: Record<string, string> = {}) =>
      fetch(stack.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
        duplex: "half",
      } as RequestInit);
    /** a body sent in chunks, without Content-Length */
    const chunked = (bytes: Uint8Array, chunkSize = 8 * 1024) =>
      new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += chunkSize) controller.enqueue(bytes.subarray(i, i + chunkSize));
          controller.close();
        },
      });
    const small = '{"query":"{ provinces { name } }"}';
    const large = JSON.stringify({ query: "{ provinces { name } }", variables: { pad: "x".repeat(4_000_000) } });

    it("rejects an oversized body by its Content-Length", async () => {
      const big = await post(
        JSON.stringify({ query: "{ provinces { name } }", variables: { pad: "x".repeat(100_000) } }),
      );
      expect(big.status).toBe(413);
      expect(await big.json()).toMatchObject({ errors: [{ extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
    });

    it("accepts a small chunked body without Content-Length, and refuses a large one as it streams", async () => {
      const ok = await post(chunked(new TextEncoder().encode(small)));
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as any).data.provinces).toHaveLength(12);
      const refused = await post(chunked(new TextEncoder().encode(large)));
      expect(refused.status).toBe(413);
      expect(await refused.json()).toMatchObject({
        errors: [{ message: expect.stringMatching(/at most 65536/), extensions: { code: "PAYLOAD_TOO_LARGE" } }],
      });
    });

    it.each([
      ["gzip", zlib.gzipSync],
      ["deflate", zlib.deflateSync],
      ["br", zlib.brotliCompressSync],
    ] as const)("inflates a %s body and applies the limit to what it inflates to", async (encoding, compress) => {
      const ok = await post(compress(Buffer.from(small)), { "content-encoding": encoding });
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as any).data.provinces).toHaveLength(12);
      // about 4 KB on the wire, 4 MB inflated
      const bomb = compress(Buffer.from(large));
      expect(bomb.length).toBeLessThan(65_536);
      const refused = await post(bomb, { "content-encoding": encoding });
      expect(refused.status).toBe(413);
      expect(await refused.json()).toMatchObject({
        errors: [
          { message: expect.stringMatching(/inflates to more than 65536/), extensions: { code: "PAYLOAD_TOO_LARGE" } },
        ],
      });
      const chunkedBomb = await post(chunked(bomb, 512), { "content-encoding": encoding });
      expect(chunkedBomb.status).toBe(413);
    });

    it("refuses a corrupt compressed body (400) and an unknown encoding (415)", async () => {
      const corrupt = await post(Buffer.from("certainly not gzip"), { "content-encoding": "gzip" });
      expect(corrupt.status).toBe(400);
      expect(await corrupt.json()).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
      const unknown = await post(Buffer.from(small), { "content-encoding": "compress" });
      expect(unknown.status).toBe(415);
      expect(await unknown.json()).toMatchObject({ errors: [{ extensions: { code: "UNSUPPORTED_MEDIA_TYPE" } }] });
    });

    const PAGE =
      "query ($n: Int) { municipalities(first: $n) { nodes { province { labourMarketRegions { municipalities { nodes { name code } } } } } } }";
    const many = (n: number, argument: string) =>
      `query ($n: Int) { ${Array.from({ length: n }, (_, i) => `m${i}: municipalities${argument} { nodes { province { labourMarketRegions { municipalities { nodes { name code } } } } } }`).join(" ")} }`;

    it("counts a page size given through a variable like a literal one", async () => {
      const literal = await stack.gql(many(15, "(first: 500)"));
      expect(literal.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
      const variable = await stack.gql(many(15, "(first: $n)"), { n: 500 });
      expect(variable.status).toBe(400);
      expect(variable.data ?? null).toBeNull();
      expect(variable.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
      expect(variable.errors?.[0]?.message).toMatch(/cost limit of 60000 exceeded/i);
      // the same operation with small pages passes
      const smallPages = await stack.gql(PAGE, { n: 2 });
      expect(smallPages.errors).toBeUndefined();
    });

    it("counts a page size left to its default (50), and a variable's own default", async () => {
      const defaults = await stack.gql(many(20, "").replace("query ($n: Int) ", ""));
      expect(defaults.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
      const variableDefault = await stack.gql(many(15, "(first: $n)").replace("$n: Int", "$n: Int = 500"));
      expect(variableDefault.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    });

    it("computes the cost with variables and defaults the same way the limit does", () => {
      const schema = buildASTSchema(parse(readFileSync(PUBLIC_SCHEMA_FILE, "utf8")));
      const document = parse(PAGE);
      const withVariable = operationCost(schema, document, null, { n: 500 }, DEFAULT_LIMITS);
      const literal = operationCost(
        schema,
        parse(PAGE.replace("query ($n: Int) ", "").replace("$n", "500")),
        null,
        {},
        DEFAULT_LIMITS,
      );
      expect(withVariable).toBe(literal);
      expect(operationCost(schema, document, null, {}, DEFAULT_LIMITS)).toBe(
        operationCost(schema, document, null, { n: 50 }, DEFAULT_LIMITS),
      );
    });

    it("keeps one cost per document and page sizes: the same document with other page sizes is costed anew", () => {
      const schema = buildASTSchema(parse(readFileSync(PUBLIC_SCHEMA_FILE, "utf8")));
      const document = parse(PAGE);
      const costOf = cachedOperationCost(DEFAULT_LIMITS);
      const cost = (variables: Record<string, unknown>) => costOf(schema, document, null, variables);
      for (const n of [2, 500, 2, 50]) {
        expect(cost({ n })).toBe(operationCost(schema, document, null, { n }, DEFAULT_LIMITS));
      }
      // variables that are not page sizes do not make another entry, nor change the cost
      expect(cost({ n: 2, other: "x" })).toBe(cost({ n: 2 }));
      expect(cost({})).toBe(cost({ n: 50 }));
    });

    it("rejects a page over 500 with the argument named", async () => {
      const res = await stack.gql(`{ municipalities(first: 1000) { totalCount } }`);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "first" });
    });
  });
});
