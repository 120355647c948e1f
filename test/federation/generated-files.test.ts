import { readFileSync } from "node:fs";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import codegenConfig from "../../codegen.ts";
import { importDocs } from "../../scripts/import-docs.ts";
import { schemaDocs } from "../../scripts/schema-docs.ts";
import { PUBLIC_SCHEMA_FILE, SUPERGRAPH_FILE, composeSupergraph } from "../../src/federation/compose.ts";

describe("generated files are up to date", () => {
  it("has the schema reference generated from the current public schema", () => {
    // if this fails: npm run docs:schema
    expect(readFileSync("docs/schema.md", "utf8")).toBe(schemaDocs());
  });

  it("documents every import format, with an example file each", () => {
    for (const [file, content] of importDocs()) {
      // if this fails: npm run docs:imports
      expect(readFileSync(file, "utf8"), file).toBe(content);
    }
  });

  it("composes without errors or unaccepted hints, into the committed supergraph", () => {
    const composition = composeSupergraph();
    expect(composition.errors).toEqual([]);
    expect(composition.unacceptedHints).toEqual([]);
    // if this fails: npm run compose
    expect(readFileSync(SUPERGRAPH_FILE, "utf8")).toBe(composition.supergraphSdl);
    expect(readFileSync(PUBLIC_SCHEMA_FILE, "utf8")).toBe(composition.publicSdl);
  });

  it("has resolver types generated from the current SDL", async () => {
    const outputs = await generate({ ...codegenConfig, silent: true, verbose: false }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      // if this fails: npm run codegen
      expect(readFileSync(output.filename, "utf8"), output.filename).toBe(output.content);
    }
  });
});
