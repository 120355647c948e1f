// Installed instead of @prisma/streams-local through the `overrides` of package.json: every version of
// it requires Node 22 (and Bun), and only `prisma dev` (Prisma's local Postgres) imports it, which this
// project does not use. Importing it says so instead of failing somewhere inside.
throw new Error(
  "@prisma/streams-local is not installed (it needs Node 22 or Bun; see the README, Node versions): `prisma dev` is not available in this project, which runs on PGlite or PostgreSQL.",
);
