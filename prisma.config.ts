import path from "node:path";
import { defineConfig } from "prisma/config";

// Offline: the native schema engine cannot be downloaded, so point Prisma at a stand-in that
// fails loudly. `prisma generate` does not need the engine. Migrations are created with
// tools/prisma6 and applied by src/db/migrate.ts.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("tools/no-schema-engine.sh");
process.env.CHECKPOINT_DISABLE ??= "1";

export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
});
