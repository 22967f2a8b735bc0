import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { withDatabase } from "@omnify/db";
import { freePort, startEmbeddedPostgres } from "@omnify/db/server";
import { startFakeGithub } from "./fake-github";
import { bin, repoRoot } from "./paths";
import { run } from "./processes";
import { startStack } from "./stack";
import { add, playwrightTally, type Tally, vitestTally } from "./summary";

/**
 * `npm test`: lint, types, unit + integration (real PostgreSQL), builds, then the whole
 * product started as `npm start` would and driven by Playwright in Debian's chromium.
 * Ends with one line `tests: N passed, N failed` that CI reads.
 */
const work = join(repoRoot, ".data", "test");
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", NEXT_TELEMETRY_DISABLED: "1" };
const failures: string[] = [];
let tally: Tally = { passed: 0, failed: 0, skipped: 0 };

async function phase(name: string, fn: () => Promise<void>) {
  const started = Date.now();
  console.log(`\n[test] ── ${name}`);
  try {
    await fn();
  } catch (error) {
    failures.push(`${name}: ${error instanceof Error ? error.message : error}`);
  }
  console.log(`[test] ── ${name} done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

const onStop: Array<() => Promise<void>> = [];
const pg = await startEmbeddedPostgres({ dataDir: join(work, "pg") });
try {
  await phase("lint (biome)", () => run(bin("biome"), ["check", "."], { cwd: repoRoot, env }));
  // Catches migration collisions (two branches generating the same number) before review.
  await phase("migrations (drizzle-kit check)", () =>
    run(bin("drizzle-kit"), ["check"], { cwd: `${repoRoot}drizzle`, env }),
  );
  await phase("typecheck", () =>
    run(bin("turbo"), ["run", "typecheck", "--output-logs=errors-only"], { cwd: repoRoot, env }),
  );
  await phase("unit + integration (vitest)", async () => {
    const report = join(work, "vitest.json");
    try {
      await run(
        bin("vitest"),
        ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
        { cwd: repoRoot, env: { ...env, OMNIFY_TEST_ADMIN_URL: pg.adminUrl } },
      );
    } finally {
      tally = add(tally, vitestTally(report));
    }
  });
  await phase("build (portal, storybook)", () =>
    run(bin("turbo"), ["run", "build", "build-storybook", "--output-logs=errors-only"], {
      cwd: repoRoot,
      env,
    }),
  );
  await phase("end-to-end (playwright + chromium)", async () => {
    // The e2e stack runs on DATABASE_URL (this cluster, its own database) so the
    // external-database path is exercised end to end; `npm start` covers the embedded one.
    const webPort = await freePort(0);
    // GitHub sign-in goes through the real provider to a local fake speaking GitHub's protocol.
    const github = await startFakeGithub();
    onStop.push(() => github.close());
    const stack = await startStack({
      dataDir: join(work, "e2e"),
      env: {
        ...env,
        DATABASE_URL: withDatabase(pg.adminUrl, "postgres"),
        GITHUB_ID: github.clientId,
        GITHUB_SECRET: github.clientSecret,
        GITHUB_OAUTH_URL: github.url,
        GITHUB_API_URL: github.url,
      },
      webPort,
      build: false,
      demoPassword: "demo-password-1",
      quiet: true,
    });
    const report = join(work, "playwright.json");
    try {
      await run(bin("playwright"), ["test", "--reporter=list,json"], {
        cwd: repoRoot,
        env: {
          ...env,
          PLAYWRIGHT_JSON_OUTPUT_NAME: report,
          OMNIFY_E2E_PORT: String(stack.webPort),
          OMNIFY_E2E_REALTIME_PORT: String(stack.realtimePort),
          OMNIFY_MAIL_OUTBOX: stack.mailOutbox,
          OMNIFY_E2E_APP_DB_URL: stack.db.appUrl,
        },
      });
    } finally {
      tally = add(tally, playwrightTally(report));
      await stack.stop();
    }
  });
} finally {
  for (const stop of onStop) await stop();
  await pg.stop();
}

console.log("");
for (const failure of failures) console.log(`[test] FAILED ${failure}`);
if (tally.skipped > 0) console.log(`[test] ${tally.skipped} skipped`);
console.log(`tests: ${tally.passed} passed, ${tally.failed} failed`);
process.exit(failures.length > 0 || tally.failed > 0 ? 1 : 0);
