#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded offline. `prisma generate`
# does not need it; any command that does must fail loudly instead of silently doing nothing.
echo "prisma: the native schema engine is not available offline; use npm run migrate:create / the migration runner" >&2
exit 1
