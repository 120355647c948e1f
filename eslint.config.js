// @ts-check
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "data/",
      "coverage/",
      "src/generated/",
      "src/**/generated/",
      "tools/prisma6/node_modules/",
      "dist/",
      "web/dist/",
      "test/web/screenshots/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // resolver parents and test responses are typed by codegen or deliberately loose in tests
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  // the dashboard runs in the browser
  { files: ["web/src/**/*.ts"], languageOptions: { globals: { ...globals.browser } } },
);
