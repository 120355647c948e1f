import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from "graphql";

/**
 * What one request may ask of the gateway. The cost of a query (graphql-armor's cost limit) is the sum
 * over its selections of objectCost for a field returning an object and scalarCost for a leaf, each
 * multiplied by depthCostFactor for every level it lies deeper than the first. The defaults let every
 * documented query and recipe through with room to spare (the largest, all 342 municipalities with
 * their BUIG figures, costs about 27,000; see test/gateway/limits.test.ts).
 */
export interface QueryLimits {
  maxDepth: number;
  maxTokens: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
  objectCost: number;
  scalarCost: number;
  depthCostFactor: number;
  /** largest request body accepted, in bytes */
  maxBodyBytes: number;
  /** how long the gateway waits for a subgraph, per request */
  subgraphTimeoutMs: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxTokens: 3_000,
  maxAliases: 20,
  maxDirectives: 20,
  maxCost: 60_000,
  objectCost: 2,
  scalarCost: 1,
  depthCostFactor: 1.5,
  maxBodyBytes: 64 * 1024,
  subgraphTimeoutMs: 10_000,
};

/** Rejections become GraphQL errors with a code of their own (the HTTP status stays 4xx). */
const reject = (code: string) => [
  (_: unknown, error: GraphQLError) => {
    throw new GraphQLError(error.message.replace(/^Syntax Error: /, ""), {
      extensions: { code, http: { status: 400 } },
    });
  },
];

/**
 * Operations of a type the schema does not have (a subscription, or a mutation before there are
 * any) are refused at validation: graphql-js 16 leaves that to execution, and the query planner fails
 * on them with an internal error before execution is reached.
 */
function knownOperationTypes(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      const root =
        node.operation === "query"
          ? schema.getQueryType()
          : node.operation === "mutation"
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      if (!root) {
        context.reportError(
          new GraphQLError(`This API has no ${node.operation} operations.`, {
            nodes: [node],
            extensions: { code: "OPERATION_NOT_SUPPORTED" },
          }),
        );
      }
    },
  };
}

export function limitPlugins(limits: QueryLimits) {
  return [
    {
      onValidate: ({ addValidationRule }: { addValidationRule: (rule: ValidationRule) => void }) =>
        addValidationRule(knownOperationTypes),
    },
    maxTokensPlugin({ n: limits.maxTokens, onReject: reject("QUERY_TOO_LARGE"), propagateOnRejection: false }),
    maxDepthPlugin({
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      onReject: reject("QUERY_TOO_DEEP"),
      propagateOnRejection: false,
    }),
    maxAliasesPlugin({ n: limits.maxAliases, onReject: reject("TOO_MANY_ALIASES"), propagateOnRejection: false }),
    maxDirectivesPlugin({
      n: limits.maxDirectives,
      onReject: reject("TOO_MANY_DIRECTIVES"),
      propagateOnRejection: false,
    }),
    costLimitPlugin({
      maxCost: limits.maxCost,
      objectCost: limits.objectCost,
      scalarCost: limits.scalarCost,
      depthCostFactor: limits.depthCostFactor,
      ignoreIntrospection: true,
      onReject: reject("QUERY_TOO_COMPLEX"),
      propagateOnRejection: false,
    }),
    // no "did you mean …" hints that map the schema for a scraper; GraphiQL has the schema anyway
    blockFieldSuggestionsPlugin(),
  ];
}
