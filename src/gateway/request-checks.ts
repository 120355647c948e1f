// Checks on how a request is sent, made before it is parsed: what is wrong with the form of a
// request is the client's mistake and gets a 4xx that says what was wrong, on every transport.
import { createGraphQLError } from "graphql-yoga";

const refuse = (status: number, code: string, message: string) =>
  createGraphQLError(message, { extensions: { code, http: { status } } });

/**
 * CSRF prevention, as Apollo Server and GraphQL Yoga do it: a browser sends a form-encoded,
 * multipart or text/plain POST to any site without asking (no CORS preflight), so a POST must be
 * JSON, which a browser sends cross-site only after the server allowed it. GET requests stay open:
 * they run queries only (Yoga refuses a mutation over GET with 405), reads are public, and CORS keeps
 * another site from reading the answer.
 */
export function jsonPostsOnly() {
  return {
    onRequestParse({ request }: { request: Request }) {
      if (request.method !== "POST") return;
      const type = request.headers.get("content-type");
      const mediaType = type?.split(";")[0]!.trim().toLowerCase();
      if (mediaType === "application/json") return;
      throw refuse(
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        `A POST request must send JSON with Content-Type: application/json; this one sent ${type ? `"${type}"` : "no Content-Type"}.`,
      );
    },
  };
}

/**
 * The JSON parameters of a GET request (`variables`, `extensions`) are checked before Yoga parses them:
 * Yoga's GET parser lets a JSON syntax error escape as an internal error (500), where the same mistake
 * in a POST body is a 400.
 */
export function getParametersAreJson() {
  return {
    onRequestParse({ request }: { request: Request }) {
      if (request.method !== "GET") return;
      const params = new URL(request.url).searchParams;
      for (const name of ["variables", "extensions"]) {
        const text = params.get(name);
        if (!text) continue;
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (error) {
          throw refuse(
            400,
            "BAD_REQUEST",
            `The "${name}" query parameter is not valid JSON: ${(error as Error).message}.`,
          );
        }
        if (value !== null && (typeof value !== "object" || Array.isArray(value)))
          throw refuse(400, "BAD_REQUEST", `The "${name}" query parameter must be a JSON object.`);
      }
    },
  };
}
