import { GraphQLScalarType, Kind } from "graphql";
import { GraphQLDate } from "graphql-scalars";
import { eurosToCents, formatCents } from "../domain/money.ts";

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

/** Euros with two decimals, from and to integer cents (bigint). */
export const Euro = new GraphQLScalarType<bigint, string>({
  name: "Euro",
  description: 'An amount in euros (EUR) as an exact decimal string with two decimals, e.g. "5800000000.00".',
  serialize(value) {
    if (typeof value !== "bigint") throw new TypeError("Euro amounts are held as integer cents");
    return formatCents(value);
  },
  parseValue(value) {
    if (typeof value !== "string") throw new TypeError('Euro must be a string such as "1234.56"');
    return eurosToCents(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('Euro must be a string such as "1234.56"');
    return eurosToCents(ast.value);
  },
});
