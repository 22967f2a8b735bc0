import { defineConfig } from "vitest/config";

/**
 * One run, two kinds: `*.test.ts` are unit tests; `*.integration.test.ts` talk to a real
 * PostgreSQL that the global setup starts (see drizzle/src/testing/global-setup.ts).
 * Playwright owns `*.e2e.ts`.
 */
export default defineConfig({
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["**/node_modules/**", "**/.next/**", "**/dist/**", "**/*.e2e.ts", ".data/**"],
    globalSetup: ["./drizzle/src/testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
