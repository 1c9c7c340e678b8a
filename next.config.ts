import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The gate runs `tsc --noEmit` as its own step (npm test); the build need not typecheck a second time.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
