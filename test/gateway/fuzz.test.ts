import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomFor } from "../../src/domain/random.ts";
import { BACKENDS } from "../support/databases.ts";
import { startTestStack, type TestStack } from "../support/stack.ts";

/** Hostile and malformed requests, generated deterministically. */
function hostileRequests(count: number): { body: string; contentType: string }[] {
  const random = randomFor("fuzz", 1);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const junk = (n: number) =>
    Array.from({ length: n }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join("");
  const generators: (() => { body: string; contentType?: string })[] = [
    () => ({ body: junk(1 + Math.floor(random() * 200)) }),
    () => ({ body: '{"query":' + junk(20) }),
    () => ({
      body: JSON.stringify({
        query:
          "{ " +
          'labourMarketRegion(code: "AM01") { municipalities { nodes { '.repeat(20) +
          "name" +
          " } } }".repeat(20) +
          " }",
      }),
    }),
    () => ({
      body: JSON.stringify({
        query: `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: municipalities(first: 500) { totalCount }`).join(" ")} }`,
      }),
    }),
    () => ({
      body: JSON.stringify({ query: "{ municipality(name: " + JSON.stringify(junk(20_000)) + ") { code } }" }),
    }),
    () => ({
      body: JSON.stringify({
        query: "query ($c: ID) { municipality(code: $c) { name } }",
        variables: { c: pick([123, true, null, [1], { a: 1 }, junk(10)]) },
      }),
    }),
    () => ({
      body: JSON.stringify({
        query: "query ($y: Int!) { buigNational(year: $y) { year } }",
        variables: { y: pick(["2017", 3.5, -1, 99999999999, null, {}]) },
      }),
    }),
    () => ({ body: JSON.stringify({ query: `{ municipality(code: ${JSON.stringify(junk(8))}) { name } }` }) }),
    () => ({
      body: JSON.stringify({
        query: `{ municipalities(first: ${pick([-1, 501, 2147483647, 0])}, after: ${JSON.stringify(junk(30))}) { totalCount } }`,
      }),
    }),
    () => ({
      body: JSON.stringify({
        query: `{ labourMarketRegion(code: "AM01") { jobAgreement(year: ${pick([0, 1800, 2021, 99999])}, quarter: ${pick([0, 5, -3, 4])}) { jobs } } }`,
      }),
    }),
    () => ({ body: JSON.stringify({ query: junk(50) }) }),
    () => ({ body: JSON.stringify({ query: "mutation { x }" }) }),
    () => ({ body: JSON.stringify({ query: "subscription { x }" }) }),
    () => ({
      body: JSON.stringify({ query: "{ __schema { types { fields { type { fields { type { name } } } } } } }" }),
    }),
    () => ({
      body: JSON.stringify({
        query: "{ provinces { name } }",
        extensions: { persistedQuery: { version: 1, sha256Hash: junk(64) } },
      }),
    }),
    () => ({ body: JSON.stringify([{ query: "{ provinces { name } }" }, { query: "{ x }" }]) }),
    () => ({
      body: JSON.stringify({ query: "{ provinces { name } }" }),
      contentType: pick(["text/plain", "application/xml", "multipart/form-data", ""]),
    }),
    () => ({ body: "x".repeat(70_000) }),
    () => ({ body: JSON.stringify({ query: `{ provinces { ${"name @include(if: true) ".repeat(50)} } }` }) }),
  ];
  return Array.from({ length: count }, () => {
    const r = pick(generators)();
    return { body: r.body, contentType: r.contentType ?? "application/json" };
  });
}

describe("thousands of malformed and hostile requests", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(BACKENDS[0]!);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("get no 5xx, crash nothing, and leave the service answering normally", async () => {
    const requests = hostileRequests(3_000);
    const statuses = new Map<number, number>();
    const fivexx: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const res = await fetch(stack.gateway.url, {
          method: "POST",
          headers: request.contentType ? { "content-type": request.contentType } : {},
          body: request.body,
        });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) fivexx.push(`${res.status}: ${request.body.slice(0, 120)}`);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(fivexx).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(3_000);

    const after = await stack.gql(
      `{ labourMarketRegion(code: "AM01") { population { value } } municipality(code: "GM0363") { buig(year: 2017) { budget { value } } } }`,
    );
    expect(after.errors).toBeUndefined();
    expect(after.data!.labourMarketRegion.population.value).toBe(763_315);
    for (const url of [stack.gateway.url, ...Object.values(stack.subgraphs).map((s) => s.url)]) {
      expect((await fetch(url.replace(/\/graphql$/, "/healthcheck"))).status).toBe(200);
    }
  }, 180_000);
});
