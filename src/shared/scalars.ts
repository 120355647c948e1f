import { GraphQLScalarType, Kind } from "graphql";
import { GraphQLDate } from "graphql-scalars";

export const Date = GraphQLDate;

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Exact decimal numbers as strings ("612.709", "-0.12"), never binary floats, so published
 * figures and money survive the trip to the client digit for digit.
 */
export const Decimal = new GraphQLScalarType<string, string>({
  name: "Decimal",
  description: 'An exact decimal number as a string, e.g. "612.709". Never rounded through binary floating point.',
  serialize(value) {
    const text = typeof value === "string" ? value : typeof value === "bigint" ? value.toString() : String(value);
    if (!DECIMAL.test(text)) throw new TypeError(`Decimal cannot represent ${text}`);
    return text;
  },
  parseValue(value) {
    if (typeof value !== "string" || !DECIMAL.test(value)) {
      throw new TypeError('Decimal must be a string of digits with an optional sign and decimal point, e.g. "12.50"');
    }
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !DECIMAL.test(ast.value)) {
      throw new TypeError('Decimal must be a string of digits with an optional sign and decimal point, e.g. "12.50"');
    }
    return ast.value;
  },
});
