import { GraphQLError } from "graphql";

/** A client error about one argument: extensions.code BAD_USER_INPUT and the argument's name. */
export function badUserInput(argumentName: string, problem: string): GraphQLError {
  return new GraphQLError(`Argument "${argumentName}": ${problem}`, {
    extensions: { code: "BAD_USER_INPUT", argumentName },
  });
}
