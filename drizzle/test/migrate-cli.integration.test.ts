import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { freePort } from "../src/server/free-port";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("npm run db:migrate", () => {
  it("fails with a non-zero exit and names DATABASE_URL when the server is unreachable", async () => {
    const port = await freePort(0);
    const result = spawnSync(`${root}node_modules/.bin/tsx`, ["drizzle/src/cli/migrate.ts"], {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        PATH: `${root}node_modules/.bin:${process.env.PATH}`,
        DATABASE_URL: `postgres://x:y@127.0.0.1:${port}/none`,
      },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/migration failed: DATABASE_URL \(.*\) is unreachable/);
  });
});
