import { GraphQLError } from "graphql";

/** A client error about one argument: extensions.code BAD_USER_INPUT and the argument's name. */
export function badUserInput(argumentName: string, problem: string): GraphQLError {
  return new GraphQLError(`Argument "${argumentName}": ${problem}`, {
    extensions: { code: "BAD_USER_INPUT", argumentName },
  });
}

/** No (valid) signed-in viewer where one is needed. */
export function unauthenticated(what: string): GraphQLError {
  return new GraphQLError(`${what} needs a bearer token: send Authorization: Bearer <JWT> to the gateway`, {
    extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
  });
}

/** A signed-in viewer whose roles do not allow this. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN", http: { status: 403 } } });
}
