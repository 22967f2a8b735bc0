#!/usr/bin/env node
// Runs under whatever Node the machine has (often 20), before dependencies exist.
// It installs the workspace when the lockfile or any package.json changed, which also
// brings in Node 24 from the `node` package; every later step of an npm script then
// resolves `node` to node_modules/.bin/node. Plain JavaScript only: no imports from
// node_modules, no syntax newer than Node 18.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const stampFile = join(root, "node_modules", ".omnify-install-stamp");
const wantBrowser = process.argv.includes("--browser");

function manifestFiles() {
  const files = ["package.json", "package-lock.json"];
  const globs = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).workspaces;
  for (const pattern of globs) {
    if (pattern.endsWith("/*")) {
      const dir = join(root, pattern.slice(0, -2));
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).sort()) {
        files.push(join(pattern.slice(0, -2), name, "package.json"));
      }
    } else {
      files.push(join(pattern, "package.json"));
    }
  }
  return files;
}

function fingerprint() {
  const hash = createHash("sha256");
  for (const file of manifestFiles()) {
    const path = join(root, file);
    hash.update(file);
    hash.update(existsSync(path) ? readFileSync(path) : "absent");
  }
  return hash.digest("hex");
}

// `npm install`, not `npm ci`: it honours the lockfile's versions but tolerates a lockfile
// that lacks other platforms' optional packages (npm drops those entries on some partial
// installs, and `npm ci` then refuses to run at all).
function install() {
  const args = ["install", "--no-audit", "--no-fund", "--loglevel=error"];
  console.log("[omnify] installing dependencies (npm install)…");
  const result = spawnSync("npm", args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error("[omnify] npm install failed; see the output above.");
    process.exit(result.status ?? 1);
  }
}

const before = existsSync(stampFile) ? readFileSync(stampFile, "utf8") : "";
const current = fingerprint();
if (before !== current || !existsSync(join(root, "node_modules", ".bin", "node"))) {
  install();
  writeFileSync(stampFile, fingerprint());
}

const nodeVersion = execFileSync(join(root, "node_modules", ".bin", "node"), ["--version"])
  .toString()
  .trim();
const major = Number(nodeVersion.replace(/^v/, "").split(".")[0]);
if (!(major >= 24)) {
  console.error(
    `[omnify] node_modules/.bin/node is ${nodeVersion}; Omnify needs Node 24 or newer.`,
  );
  process.exit(1);
}

if (wantBrowser) ensureChromium();

/** e2e drives Debian's chromium; Playwright's own browser download cannot work offline. */
function ensureChromium() {
  const path = process.env.OMNIFY_CHROMIUM ?? "/usr/bin/chromium";
  if (existsSync(path)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `[omnify] ${path} is missing. Install Debian's chromium (sudo apt-get install -y chromium) or set OMNIFY_CHROMIUM.`,
    );
    process.exit(1);
  }
  console.log("[omnify] installing Debian's chromium for browser tests…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", "chromium"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (result.status !== 0) {
      console.error(`[omnify] apt-get ${args.join(" ")} failed.`);
      process.exit(result.status ?? 1);
    }
  }
}
