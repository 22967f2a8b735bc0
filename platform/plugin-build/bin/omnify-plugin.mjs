#!/usr/bin/env node
// Runs the TypeScript source directly (Node's type stripping), like the plugin host's
// workers; npm scripts put the repo's Node 24 (devDependency "node") first on PATH.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `omnify-plugin needs Node >= 24 (found ${process.versions.node}); run it through npm or npx from the repo.`,
  );
  process.exit(1);
}
const { main } = await import("../src/cli.ts");
process.exitCode = await main(process.argv.slice(2));
