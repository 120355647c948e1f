import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { buildASTSchema, parse, validate } from "graphql";
import { RECIPES } from "../../scripts/recipes.ts";
import { PUBLIC_SCHEMA_FILE } from "../../src/federation/compose.ts";
import { DEFAULT_LIMITS } from "../../src/gateway/limits.ts";
import { readPersistedDocuments } from "../../src/config.ts";
import { BACKENDS } from "../support/databases.ts";
import { startTestStack, type TestStack } from "../support/stack.ts";

describe("query limits", () => {
  it("let every documented query through: the typed client's documents and the recipes", () => {
    const schema = buildASTSchema(parse(readFileSync(PUBLIC_SCHEMA_FILE, "utf8")));
    const documents = [...Object.values(readPersistedDocuments()), ...RECIPES.map((r) => r.query)];
    let highest = 0;
    for (const text of documents) {
      const errors = validate(schema, parse(text), [
        costLimitRule({
          maxCost: DEFAULT_LIMITS.maxCost,
          objectCost: DEFAULT_LIMITS.objectCost,
          scalarCost: DEFAULT_LIMITS.scalarCost,
          depthCostFactor: DEFAULT_LIMITS.depthCostFactor,
          onAccept: [(_, details: { n?: number }) => void (highest = Math.max(highest, Number(details.n)))],
        }),
      ]);
      expect(
        errors.map((e) => e.message),
        text.slice(0, 60),
      ).toEqual([]);
    }
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

    it("rejects an oversized body and one without a length", async () => {
      const big = await fetch(stack.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ provinces { name } }", variables: { pad: "x".repeat(100_000) } }),
      });
      expect(big.status).toBe(413);
      expect(await big.json()).toMatchObject({ errors: [{ extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
      const stream = new ReadableStream({
        start: (c) => (c.enqueue(new TextEncoder().encode('{"query":"{ provinces { name } }"}')), c.close()),
      });
      const chunked = await fetch(stack.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit);
      expect(chunked.status).toBe(411);
    });

    it("rejects a page over 500 with the argument named", async () => {
      const res = await stack.gql(`{ municipalities(first: 1000) { totalCount } }`);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "first" });
    });
  });
});
