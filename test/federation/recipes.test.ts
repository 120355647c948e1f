import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderRecipes, RECIPES } from "../../scripts/recipes.ts";
import { BACKENDS } from "../support/databases.ts";
import { startTestStack, type TestStack } from "../support/stack.ts";

describe("docs/recipes.md", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(BACKENDS[0]!);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("holds eighteen questions, three of them across years, whose queries give exactly the answers shown", async () => {
    expect(RECIPES).toHaveLength(18);
    // if this fails: npm run docs:recipes
    expect(readFileSync("docs/recipes.md", "utf8")).toBe(
      await renderRecipes((query, variables) => stack.gql(query, variables)),
    );
  });
});
