import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // At the end of every build, marks the browser's JavaScript chunks with V8's compile hint (see the adapter's notes).
  adapterPath: fileURLToPath(new URL("./scripts/compile-hints-adapter.mjs", import.meta.url)),
  // A self-contained server in .next/standalone (server.js + only the node_modules it uses): what the Docker image
  // runs, and what `npm start` and the browser tests serve. Tracing starts here, not at a parent folder's lockfile.
  output: "standalone",
  outputFileTracingRoot: path.dirname(new URL(import.meta.url).pathname),
  reactStrictMode: true,
  // The gate runs `tsc --noEmit` as its own step (npm test); the build need not typecheck a second time.
  typescript: { ignoreBuildErrors: true },
  // The Content-Security-Policy (with a per-request nonce) is set in proxy.ts; these apply everywhere.
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
