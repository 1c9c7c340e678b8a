# syntax=docker/dockerfile:1
# Fargate Estimator, self-hosted:  docker build -t fargate-estimator .  &&  docker run -p 3000:3000 fargate-estimator
# Three stages: dependencies from the lockfile, the production build, and a small runtime image that holds only
# the standalone server (server.js and the node_modules it uses), its static assets and public/: no dev dependencies.

ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Dependencies exactly as locked (dev dependencies included: the build needs TypeScript, Tailwind...).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

# 2. The production build: next.config.ts sets output "standalone", so .next/standalone is a complete server.
FROM ${NODE_IMAGE} AS builder
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build

# 3. The runtime, as the unprivileged "node" user of the Node image.
FROM ${NODE_IMAGE} AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true \
    PORT=3000 \
    HOSTNAME=0.0.0.0
# next build leaves .next/static and public/ out of .next/standalone (a CDN may serve them): copy them beside server.js.
COPY --from=builder --chown=node:node /app/.next/standalone ./
COPY --from=builder --chown=node:node /app/.next/static ./.next/static
COPY --from=builder --chown=node:node /app/public ./public
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
