# syntax=docker/dockerfile:1
# One image for every part: the gateway (node dist/cli/gateway.js), a subgraph (node
# dist/cli/subgraph.js reference|municipal|uwv) or everything in one process on an embedded database
# (the default command, as `npm start`). Built in two stages: the first compiles with the development
# tools, the second holds only the production dependencies and the compiled build, and runs as the
# unprivileged `node` user. Deployment: compose.yaml, deploy/kubernetes/, docs/operations.md.
# Node 22: Node 20 (the project's floor) no longer receives security updates.
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# the dependencies first, so a source change reuses this layer; tools/prisma-streams-unavailable is a
# local package named by package.json's overrides
COPY package.json package-lock.json ./
COPY tools/prisma-streams-unavailable tools/prisma-streams-unavailable
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# the Prisma client, dist/ (esbuild) and the embedded database's template, as `npm install` makes them
RUN npx prisma generate && node scripts/build.mjs

FROM ${NODE_IMAGE} AS production
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY tools/prisma-streams-unavailable tools/prisma-streams-unavailable
# production dependencies only; no install scripts: the build below is already made
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
# what the compiled service reads at run time (found from package.json's folder, src/common/project-root.ts)
COPY --from=build /app/dist dist
COPY --from=build /app/web/dist web/dist
COPY schema schema
COPY datasets datasets
COPY prisma/migrations prisma/migrations
COPY src/client/generated/persisted-documents.json src/client/generated/persisted-documents.json
# the embedded database (npm start without DATABASE_URL) is the only thing written, under DATA_DIR
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000 4001 4002 4003
STOPSIGNAL SIGTERM
CMD ["node", "dist/cli/start.js"]
