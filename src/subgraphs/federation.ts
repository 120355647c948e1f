import { makeExecutableSchema } from "@graphql-tools/schema";
import { extractLinkImplementations, validateSubgraph } from "@theguild/federation-composition";
import {
  GraphQLError,
  isObjectType,
  parse,
  print,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from "graphql";

// Apollo's `buildSubgraphSchema` (@apollo/subgraph) needs @apollo/federation-internals, which is under
// the Elastic License 2.0 (source-available, not open source), and @graphql-tools/federation dropped its
// own `buildSubgraphSchema` in version 3. So the subgraph schema is built here with the MIT stack:
// @graphql-tools/schema makes it executable, The Guild's composition library validates the SDL and
// resolves the names the `@link` imports; what is left is the federation v2 contract a router relies
// on, the `_service { sdl }` and `_entities` fields, with the behaviour of Apollo's.

const FEDERATION = "https://specs.apollo.dev/federation";

/** Federation v2.7 definitions as the specification (and Apollo) gives them, with `@NAME` / `TYPE` placeholders. */
const FEDERATION_DIRECTIVES = [
  "directive @key(fields: FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE",
  "directive @requires(fields: FieldSet!) on FIELD_DEFINITION",
  "directive @provides(fields: FieldSet!) on FIELD_DEFINITION",
  "directive @external(reason: String) on OBJECT | FIELD_DEFINITION",
  "directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION | SCHEMA",
  "directive @extends on OBJECT | INTERFACE",
  "directive @shareable repeatable on OBJECT | FIELD_DEFINITION",
  "directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION",
  "directive @override(from: String!, label: String) on FIELD_DEFINITION",
  "directive @composeDirective(name: String) repeatable on SCHEMA",
  "directive @interfaceObject on OBJECT",
  "directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM",
  "directive @requiresScopes(scopes: [[Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM",
  "directive @policy(policies: [[Policy!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM",
];
const FEDERATION_SCALARS = ["FieldSet", "Scope", "Policy"];

const LINK_AND_SERVICE = `
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
enum link__Purpose {
  "\`SECURITY\` features provide metadata necessary to securely resolve fields."
  SECURITY
  "\`EXECUTION\` features provide metadata necessary for operation execution."
  EXECUTION
}
scalar link__Import
scalar _Any
type _Service {
  sdl: String
}
`;

export interface SubgraphSchemaInput {
  typeDefs: DocumentNode;
  // resolver maps are typed per subgraph by codegen; `__resolveReference` on an entity type loads it by key
  resolvers: Record<string, any>;
}

/**
 * An executable federation v2 subgraph schema from SDL (with `extend schema @link(url:
 * "https://specs.apollo.dev/federation/v2.x", import: [...])`) and resolvers: the federation directives
 * defined under their imported or `federation__` names, `_service { sdl }`, and `_entities` over the
 * types with `@key`. Invalid SDL (by the federation rules) throws with every problem listed.
 */
export function buildSubgraphSchema({ typeDefs, resolvers }: SubgraphSchemaInput): GraphQLSchema {
  const errors = validateSubgraph({ name: "subgraph", typeDefs });
  if (errors.length > 0) {
    throw new Error(`Invalid subgraph schema:\n${errors.map((error) => `- ${error.message}`).join("\n")}`);
  }
  const links = extractLinkImplementations(typeDefs);
  if (!links.links.some((link) => link.identity === FEDERATION && link.supports(2, 0))) {
    throw new Error(`The subgraph schema has no @link to ${FEDERATION}/v2.x; only federation v2 is supported.`);
  }
  const name = (element: string) => links.resolveImportName(FEDERATION, element);

  const entityNames = typeDefs.definitions
    .filter(
      (definition) =>
        (definition.kind === "ObjectTypeDefinition" || definition.kind === "ObjectTypeExtension") &&
        definition.directives?.some((directive) => directive.name.value === name("@key")),
    )
    .map((definition) => (definition as { name: { value: string } }).name.value);

  const rename = (definition: string) =>
    definition
      .replace(/@(\w+)/, (_, directive: string) => `@${name(`@${directive}`)}`)
      .replace(new RegExp(`\\b(${FEDERATION_SCALARS.join("|")})\\b`, "g"), (scalar: string) => name(scalar));
  // the root types by their default names, declared beside the @link to the link specification itself
  const typeNames = new Set(
    typeDefs.definitions.map((definition) => (definition as { name?: { value: string } }).name?.value),
  );
  const roots = ["query", "mutation", "subscription"]
    .filter((operation) => operation === "query" || typeNames.has(capitalise(operation)))
    .map((operation) => `${operation}: ${capitalise(operation)}`);
  const federationSdl = [
    `schema @link(url: "https://specs.apollo.dev/link/v1.0") { ${roots.join(" ")} }`,
    LINK_AND_SERVICE,
    ...FEDERATION_DIRECTIVES.map(rename),
    ...FEDERATION_SCALARS.map((scalar) => `scalar ${name(scalar)}`),
    ...(entityNames.length > 0 ? [`union _Entity = ${entityNames.join(" | ")}`] : []),
    `extend type Query {
      ${entityNames.length > 0 ? "_entities(representations: [_Any!]!): [_Entity]!" : ""}
      _service: _Service!
    }`,
  ].join("\n");
  const document: DocumentNode = {
    kind: typeDefs.kind,
    definitions: [...typeDefs.definitions, ...(parse(federationSdl).definitions as DefinitionNode[])],
  };
  // what `_service { sdl }` answers: the subgraph's SDL with the federation definitions, as Apollo's does
  const sdl = print(document);

  const federationResolvers: Record<string, any> = {
    Query: { _service: () => ({ sdl }) },
  };
  if (entityNames.length > 0) {
    federationResolvers.Query._entities = (
      _root: unknown,
      args: { representations: Record<string, unknown>[] },
      context: unknown,
      info: GraphQLResolveInfo,
    ) => args.representations.map((representation) => resolveEntity(representation, resolvers, context, info));
    federationResolvers._Entity = { __resolveType: (entity: { __typename: string }) => entity.__typename };
  }
  return makeExecutableSchema({ typeDefs: document, resolvers: [resolvers, federationResolvers] });
}

/** One representation through its type's `__resolveReference` (or as it is, without one), typed by `__typename`. */
async function resolveEntity(
  representation: Record<string, unknown>,
  resolvers: Record<string, any>,
  context: unknown,
  info: GraphQLResolveInfo,
): Promise<unknown> {
  const typename = representation.__typename;
  if (typeof typename !== "string" || !isObjectType(info.schema.getType(typename))) {
    throw new GraphQLError(
      `The _entities resolver tried to load an entity for type ${JSON.stringify(typename ?? null)}, but no object type of that name was found in the schema`,
      { extensions: { code: "BAD_USER_INPUT" } },
    );
  }
  const resolveReference = resolvers[typename]?.__resolveReference as
    ((reference: unknown, context: unknown, info: GraphQLResolveInfo) => unknown) | undefined;
  const entity = await (resolveReference ? resolveReference(representation, context, info) : representation);
  if (entity === null || typeof entity !== "object") return entity;
  if ((entity as { __typename?: unknown }).__typename === typename) return entity;
  return { ...entity, __typename: typename };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
