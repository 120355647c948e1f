import { readFileSync } from "node:fs";
import { composeServices } from "@theguild/federation-composition";
import { graphql, isUnionType, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { SUPERGRAPH_FILE } from "../../src/federation/compose.ts";
import { defaultSubgraphUrl } from "../../src/federation/ports.ts";
import { buildSubgraphSchema } from "../../src/subgraphs/federation.ts";
import { SUBGRAPH_NAMES, subgraphTypeDefs } from "../../src/subgraphs/subgraph.ts";

const ENTITIES = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { thing(id: ID!): Thing }
  type Thing @key(fields: "id") { id: ID! name: String }
  type Plain @key(fields: "id") { id: ID! }
  type NotAnEntity { id: ID! }
`;

describe("subgraph schemas built with @graphql-tools/schema", () => {
  it("answer _service { sdl } with SDL that composes into the committed supergraph", async () => {
    const services = await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => {
        const schema = buildSubgraphSchema({ typeDefs: subgraphTypeDefs(name), resolvers: {} });
        const res = await graphql({ schema, source: "{ _service { sdl } }" });
        expect(res.errors).toBeUndefined();
        const sdl = (res.data as { _service: { sdl: string } })._service.sdl;
        expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
        return { name, url: defaultSubgraphUrl(name), typeDefs: parse(sdl) };
      }),
    );
    const composed = composeServices(services);
    expect(composed.errors ?? []).toEqual([]);
    // the committed file is this composition with a two-line header
    expect(readFileSync(SUPERGRAPH_FILE, "utf8")).toContain(composed.supergraphSdl);
  });

  it("resolve _entities through __resolveReference, in order, null for what it does not find", async () => {
    const loaded: unknown[] = [];
    const schema = buildSubgraphSchema({
      typeDefs: parse(ENTITIES),
      resolvers: {
        Thing: {
          __resolveReference: async (reference: { id: string }, context: { prefix: string }) => {
            loaded.push(reference);
            return reference.id === "missing" ? null : { id: reference.id, name: `${context.prefix}${reference.id}` };
          },
        },
      },
    });
    const res = await graphql({
      schema,
      source: `query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Thing { id name } ... on Plain { id } } }`,
      variableValues: {
        r: [
          { __typename: "Thing", id: "1" },
          { __typename: "Plain", id: "p" },
          { __typename: "Thing", id: "missing" },
        ],
      },
      contextValue: { prefix: "thing " },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      _entities: [{ __typename: "Thing", id: "1", name: "thing 1" }, { __typename: "Plain", id: "p" }, null],
    });
    expect(loaded).toEqual([
      { __typename: "Thing", id: "1" },
      { __typename: "Thing", id: "missing" },
    ]);
  });

  it("reject a representation of a type the subgraph does not have, with a clear error", async () => {
    const schema = buildSubgraphSchema({ typeDefs: parse(ENTITIES), resolvers: {} });
    const res = await graphql({
      schema,
      source: `query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`,
      variableValues: { r: [{ __typename: "Nope", id: "1" }] },
    });
    expect(res.errors?.[0]?.message).toMatch(/entity for type "Nope", but no object type of that name/);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("define the federation directives under their imported or federation__ names", async () => {
    const schema = buildSubgraphSchema({ typeDefs: parse(ENTITIES), resolvers: {} });
    expect(schema.getDirective("key")).toBeDefined();
    expect(schema.getDirective("shareable")).toBeUndefined();
    expect(schema.getDirective("federation__shareable")).toBeDefined();
    expect(schema.getType("federation__FieldSet")).toBeDefined();
    const entity = schema.getType("_Entity");
    expect(isUnionType(entity) && entity.getTypes().map((type) => type.name)).toEqual(["Thing", "Plain"]);
  });

  it("refuse SDL that breaks the federation rules, or is not federation v2", () => {
    expect(() =>
      buildSubgraphSchema({
        typeDefs: parse(`
          extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
          type Query { a: A }
          type A @key(fields: "nope") { id: ID! }
        `),
        resolvers: {},
      }),
    ).toThrow(/Invalid subgraph schema:\n- .*nope/);
    expect(() => buildSubgraphSchema({ typeDefs: parse(`type Query { a: Int }`), resolvers: {} })).toThrow(
      /federation v2/,
    );
  });
});
