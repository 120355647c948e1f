// The README's example queries are valid against the public schema: a renamed field or argument
// breaks this test rather than a reader's first try.
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildASTSchema, Kind, parse, validate, type DocumentNode } from "graphql";
import { describe, expect, it } from "vitest";
import { PUBLIC_SCHEMA_FILE } from "../../src/federation/compose.ts";

const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe("the README's example queries", () => {
  it("are there", () => expect(blocks.length).toBeGreaterThan(0));

  it("each validate against the public schema", () => {
    const schema = buildASTSchema(parse(readFileSync(PUBLIC_SCHEMA_FILE, "utf8")));
    const problems: string[] = [];
    for (const block of blocks) {
      const document = parse(block);
      const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
      for (const operation of document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)) {
        const one: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
        for (const error of validate(schema, one)) problems.push(`${error.message} in:\n${block.slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
