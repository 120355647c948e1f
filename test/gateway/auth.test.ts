import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalStack } from "../../src/app.ts";
import { CLAIMS_HEADER, SIGNATURE_EXTENSION, claimsHeader, signRequest } from "../../src/auth/claims.ts";
import { BACKENDS, type TestDatabase } from "../support/databases.ts";

const SECRET = "a-test-secret-that-is-long-enough-for-hs256!";
const SIGNING = "subgraph-signing-secret-of-at-least-32-chars";
const key = new TextEncoder().encode(SECRET);

const token = (roles: string[], options: { expiresIn?: string; secret?: Uint8Array } = {}) =>
  new SignJWT({ roles })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("test-user")
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "5m")
    .sign(options.secret ?? key);

const SPENDING = `mutation ($code: ID!, $spending: Euro!) {
  submitBuigSpending(input: { municipalityCode: $code, year: 2017, spending: $spending, source: { publisher: "Gemeente", document: "Jaarrekening 2017", date: "2018-06-30" } }) {
    changed municipality { code name } buig { spending { value source { kind publisher document } } result { amount } }
  }
}`;
const REGIONAL = `mutation ($hours: Decimal) {
  submitRegionalJobs(input: { regionCode: "AM01", year: 2021, paidHoursPerWeek: $hours, source: { publisher: "UWV", document: "Trendrapportage 2021", date: "2022-06" } }) {
    changed region { code name } jobs { jobs paidHoursPerWeek source { kind publisher } }
  }
}`;

describe.each(BACKENDS)("authorised writes ($name)", (backend) => {
  let db: TestDatabase;
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  beforeAll(async () => {
    db = await backend.seeded();
    stack = await startLocalStack(db.location, { auth: { jwt: { secret: SECRET }, signingSecret: SIGNING } });
  });
  afterAll(async () => {
    await stack?.stop();
    await db?.drop();
  });

  const post = async (
    url: string,
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      ...((await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] }),
    };
  };
  const bearer = async (roles: string[], options?: Parameters<typeof token>[1]) => ({
    authorization: `Bearer ${await token(roles, options)}`,
  });

  it("lets a municipality write its own spending, in one go, with its source", async () => {
    const res = await post(
      stack.gateway.url,
      SPENDING,
      { code: "GM0363", spending: "123456789.00" },
      await bearer(["municipality:GM0363"]),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.submitBuigSpending).toMatchObject({
      changed: true,
      municipality: { code: "GM0363", name: "Amsterdam" },
      buig: {
        spending: {
          value: "123456789.00",
          source: { kind: "OFFICIAL", publisher: "Gemeente", document: "Jaarrekening 2017" },
        },
      },
    });
    const again = await post(
      stack.gateway.url,
      SPENDING,
      { code: "GM0363", spending: "123456789.00" },
      await bearer(["municipality:GM0363"]),
    );
    expect(again.data.submitBuigSpending.changed).toBe(false);
    // reads stay public
    const read = await post(
      stack.gateway.url,
      `{ municipality(code: "GM0363") { buig(year: 2017) { spending { value } } } }`,
      {},
    );
    expect(read.data.municipality.buig.spending.value).toBe("123456789.00");
  });

  it.each([
    ["no token", async () => ({}), "UNAUTHENTICATED"],
    ["another municipality's role", async () => bearer(["municipality:GM0014"]), "FORBIDDEN"],
    ["the uwv role", async () => bearer(["uwv"]), "FORBIDDEN"],
    ["no roles", async () => bearer([]), "FORBIDDEN"],
  ])("refuses a municipal write with %s", async (_, headers, code) => {
    const res = await post(stack.gateway.url, SPENDING, { code: "GM0363", spending: "1.00" }, await headers());
    expect(res.status).toBeLessThan(500);
    expect(res.data?.submitBuigSpending ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    const stored = await stack.databases.municipal.prisma.buigSpending.findUnique({
      where: { municipalityCode_year: { municipalityCode: "GM0363", year: 2017 } },
    });
    expect(stored?.amountCents).not.toBe(100n);
  });

  it.each([
    ["an expired token", async () => bearer(["ministry"], { expiresIn: "-1m" })],
    [
      "a wrong signature",
      async () =>
        bearer(["ministry"], { secret: new TextEncoder().encode("another-secret-that-is-also-long-enough!!") }),
    ],
    ["a malformed header", async () => ({ authorization: "Token abc" })],
  ])("refuses any request with %s at the gateway (401)", async (_, headers) => {
    const res = await post(stack.gateway.url, SPENDING, { code: "GM0363", spending: "1.00" }, await headers());
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("validates a write like the import: bad amounts and unknown codes name the field and write nothing", async () => {
    const ministry = await bearer(["ministry"]);
    const negative = await post(stack.gateway.url, SPENDING, { code: "GM0014", spending: "-5.00" }, ministry);
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "input.spending" });
    const unknown = await post(stack.gateway.url, SPENDING, { code: "GM9999", spending: "5.00" }, ministry);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argumentName: "input.municipalityCode",
    });
    const badSource = await post(
      stack.gateway.url,
      SPENDING.replace('date: "2018-06-30"', 'date: "30 June"'),
      { code: "GM0014", spending: "5.00" },
      ministry,
    );
    expect(badSource.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argumentName: "input.source.date",
    });
  });

  it("lets UWV (and only UWV or the ministry) write regional measurements", async () => {
    const refused = await post(stack.gateway.url, REGIONAL, { hours: "100000" }, await bearer(["municipality:GM0014"]));
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await post(stack.gateway.url, REGIONAL, { hours: "100000" });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const res = await post(stack.gateway.url, REGIONAL, { hours: "102000" }, await bearer(["uwv"]));
    expect(res.errors).toBeUndefined();
    expect(res.data.submitRegionalJobs).toEqual({
      changed: true,
      region: { code: "AM01", name: "Groningen" },
      jobs: { jobs: "4000.00", paidHoursPerWeek: "102000", source: { kind: "OFFICIAL", publisher: "UWV" } },
    });
  });

  it("makes a subgraph called directly trust only claims signed with the gateway's secret, for that very operation", async () => {
    // the subgraph's own schema: it knows only the key of Municipality
    const DIRECT = SPENDING.replace("municipality { code name }", "municipality { code }");
    const url = stack.subgraphs.municipal.url;
    /** a request straight to the subgraph, with a claims header and a signature in extensions */
    const direct = async (
      claims: string,
      signature: string,
      variables: Record<string, unknown> = { code: "GM0014", spending: "7.00" },
    ) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", [CLAIMS_HEADER]: claims },
        body: JSON.stringify({ query: DIRECT, variables, extensions: { [SIGNATURE_EXTENSION]: signature } }),
      });
      return (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
    };
    const ministry = claimsHeader({ subject: "x", roles: ["ministry"] });
    const variables = { code: "GM0014", spending: "7.00" };

    expect((await direct(ministry, "forged")).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const stale = claimsHeader({ subject: "x", roles: ["ministry"] }, Date.now() - 10 * 60_000);
    expect(
      (await direct(stale, signRequest({ query: DIRECT, variables }, stale, SIGNING))).errors?.[0]?.extensions?.code,
    ).toBe("UNAUTHENTICATED");
    // a captured header and signature, replayed with other variables or another operation
    const signature = signRequest({ query: DIRECT, variables }, ministry, SIGNING);
    expect(
      (await direct(ministry, signature, { code: "GM0014", spending: "9.00" })).errors?.[0]?.extensions?.code,
    ).toBe("UNAUTHENTICATED");
    const other = signRequest(
      { query: DIRECT.replace("spending: $spending", "spending: $spending "), variables },
      ministry,
      SIGNING,
    );
    expect((await direct(ministry, other)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // roles changed in the header: the signature no longer matches
    const another = claimsHeader({ subject: "x", roles: ["municipality:GM0014"] });
    expect((await direct(another, signature)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

    const ok = await direct(ministry, signature);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.submitBuigSpending.changed).toBe(true);
  });
});

describe("tokens signed with keys from a JWKS file", () => {
  it("are verified with the public key", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const dir = mkdtempSync(path.join(tmpdir(), "jwks-"));
    const file = path.join(dir, "jwks.json");
    writeFileSync(file, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256" }] }));
    const { createTokenVerifier } = await import("../../src/auth/jwt.ts");
    const verify = createTokenVerifier({ jwksFile: file, issuer: "https://login.example" });
    const good = await new SignJWT({ roles: ["uwv"] })
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setIssuer("https://login.example")
      .setExpirationTime("5m")
      .sign(privateKey);
    expect(await verify(good)).toEqual({ subject: null, roles: ["uwv"] });
    const wrongIssuer = await new SignJWT({ roles: ["uwv"] })
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setIssuer("https://evil.example")
      .setExpirationTime("5m")
      .sign(privateKey);
    await expect(verify(wrongIssuer)).rejects.toThrow(/iss/);
    const noExpiry = await new SignJWT({ roles: ["uwv"] })
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setIssuer("https://login.example")
      .sign(privateKey);
    await expect(verify(noExpiry)).rejects.toThrow(/exp/);
  });
});
