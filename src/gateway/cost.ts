// The cost limit, computed on the operation as it will run: a page size (`first`/`last`) given
// through a variable, or left to the argument's default, counts like one written in the query.
// graphql-armor's cost rule (the formula, see limits.ts) sees only literals at validation, where the
// variables are not known; so at execution the page sizes are written into a copy of the operation
// and the same rule is run over it.
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import {
  Kind,
  TypeInfo,
  getOperationAST,
  validate,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type ValueNode,
} from "graphql";
import { createGraphQLError } from "graphql-yoga";
import type { QueryLimits } from "./limits.ts";

const PAGE_ARGUMENTS = ["first", "last"];

type Variables = Record<string, unknown> | null | undefined;

/** The integer a page-size argument will have, or null when it is not an integer. */
function pageSize(value: ValueNode | undefined, variables: Variables, defaults: Map<string, ValueNode>): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind !== Kind.VARIABLE) return null;
  const name = value.name.value;
  const given = variables && Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : undefined;
  if (given !== undefined && given !== null) return Number.isInteger(given) ? (given as number) : null;
  return pageSize(defaults.get(name), variables, new Map());
}

/**
 * The operation with every page-size argument of the schema written as the integer it will have:
 * from the query, the variables, the variable's default, or the argument's default in the schema.
 */
export function withPageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
): DocumentNode | null {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return null;
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? [])
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  const only: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION),
  };
  const typeInfo = new TypeInfo(schema);
  return visit(
    only,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode) {
        const field = typeInfo.getFieldDef();
        if (!field) return undefined;
        const pageArguments = field.args.filter((a) => PAGE_ARGUMENTS.includes(a.name));
        if (pageArguments.length === 0) return undefined;
        const others = (node.arguments ?? []).filter((a) => !PAGE_ARGUMENTS.includes(a.name.value));
        const pages: ArgumentNode[] = [];
        for (const definition of pageArguments) {
          const written = node.arguments?.find((a) => a.name.value === definition.name);
          // a variable not given (or null) leaves the argument to its default, as execution does
          const size =
            pageSize(written?.value, variables, defaults) ??
            (Number.isInteger(definition.defaultValue) ? (definition.defaultValue as number) : null);
          if (size === null) continue;
          pages.push({
            kind: Kind.ARGUMENT,
            name: { kind: Kind.NAME, value: definition.name },
            value: { kind: Kind.INT, value: String(size) },
          });
        }
        return { ...node, arguments: [...pages, ...others] };
      },
    }),
  );
}

/** The weights of graphql-armor's cost formula (limits.ts). */
type CostWeights = Pick<QueryLimits, "objectCost" | "scalarCost" | "depthCostFactor">;

/** The cost of the operation as it will run (graphql-armor's formula). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
  limits: CostWeights,
): number {
  const resolved = withPageSizes(schema, document, operationName, variables);
  if (!resolved) return 0;
  let cost = 0;
  validate(schema, resolved, [
    costLimitRule({
      // no limit here: the rule only measures, and the plugin below decides
      maxCost: Number.POSITIVE_INFINITY,
      objectCost: limits.objectCost,
      scalarCost: limits.scalarCost,
      depthCostFactor: limits.depthCostFactor,
      ignoreIntrospection: true,
      onAccept: [(_, details: { n?: number }) => void (cost = Math.max(cost, Number(details.n) || 0))],
    }),
  ]);
  return cost;
}

interface ExecuteArgs {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Variables;
}

/** The variables an operation's page-size arguments read (any field, any depth, in its fragments too). */
function pageVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (PAGE_ARGUMENTS.includes(node.name.value) && node.value.kind === Kind.VARIABLE)
        names.add(node.value.name.value);
    },
  });
  return [...names];
}

const MAX_COSTS_PER_DOCUMENT = 256;

/**
 * `operationCost` with these weights, computed once per schema, document, operation and page sizes:
 * the cost depends on nothing else, and the same few documents (a portal's persisted ones, parsed
 * once and reused by the runtime) arrive again and again.
 */
export function cachedOperationCost(weights: CostWeights) {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, { pages: string[]; costs: Map<string, number> }>>();
  return (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Variables,
  ) => {
    let documents = bySchema.get(schema);
    if (!documents) bySchema.set(schema, (documents = new WeakMap()));
    let entry = documents.get(document);
    if (!entry) documents.set(document, (entry = { pages: pageVariables(document), costs: new Map() }));
    const given = (name: string) => (variables && Object.hasOwn(variables, name) ? variables[name] : null);
    const key = JSON.stringify([operationName ?? null, ...entry.pages.map(given)]);
    let cost = entry.costs.get(key);
    if (cost === undefined) {
      cost = operationCost(schema, document, operationName, variables, weights);
      // bounded: a client varying page sizes cannot make the cache grow without end
      if (entry.costs.size >= MAX_COSTS_PER_DOCUMENT) entry.costs.clear();
      entry.costs.set(key, cost);
    }
    return cost;
  };
}

/** Refuses, before anything is fetched, an operation whose cost with its variables is over the limit. */
export function costLimit(limits: QueryLimits) {
  const costOf = cachedOperationCost(limits);
  return {
    onExecute({
      args,
      setResultAndStopExecution,
    }: {
      args: ExecuteArgs;
      setResultAndStopExecution: (result: { errors: unknown[] }) => void;
    }) {
      const cost = costOf(args.schema, args.document, args.operationName, args.variableValues);
      if (cost <= limits.maxCost) return;
      setResultAndStopExecution({
        errors: [
          createGraphQLError(
            `Query cost limit of ${limits.maxCost} exceeded, found ${Math.round(cost)} (page sizes from variables and defaults included); ask for smaller pages or fewer fields.`,
            { extensions: { code: "QUERY_TOO_COMPLEX", http: { status: 400 } } },
          ),
        ],
      });
    },
  };
}
