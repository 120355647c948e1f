import path from "node:path";
import { defineConfig } from "vite";

const here = import.meta.dirname;

// The dashboard is built into web/dist, which is committed and served by the gateway at / (see
// src/gateway/dashboard.ts). The output must be reproducible: test/web/bundle.test.ts rebuilds it and
// compares byte for byte.
export default defineConfig({
  root: here,
  base: "/",
  // no public/ folder: every file the page loads is imported, so it gets a content hash
  publicDir: false,
  logLevel: "warn",
  build: {
    outDir: path.join(here, "dist"),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: false,
    // the boundaries stay a file of their own (cached, fetched in parallel with the first query)
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // the generated client makes every document with `new TypedDocumentString(…)`; declaring it pure
      // leaves the documents the dashboard does not use out of the bundle
      treeshake: { manualPureFunctions: ["TypedDocumentString"] },
    },
  },
});
