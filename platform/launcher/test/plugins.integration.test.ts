import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEcho, RUNTIME_SECRET } from "../../plugin-runtime/test/world";
import { registerBuiltPlugins } from "../src/plugins";

let t: TestDatabase;
let dir: string;

/** A plugins/ folder holding rt-echo as `omnify-plugin build` leaves it. */
beforeAll(async () => {
  t = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), "omnify-plugins-"));
  const release = await buildEcho();
  const root = join(dir, "rt-echo");
  mkdirSync(join(root, "dist"), { recursive: true });
  mkdirSync(join(root, "migrations"));
  writeFileSync(join(root, "dist", "omnify-plugin.json"), JSON.stringify(release.record));
  writeFileSync(join(root, "dist", "server.js"), release.serverCode);
  for (const [name, sql] of Object.entries(release.migrationSql))
    writeFileSync(join(root, "migrations", name), sql);
  mkdirSync(join(dir, "not-built"));
}, 60_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t?.drop();
});

describe("registerBuiltPlugins (npm start)", () => {
  it("registers, provisions and migrates built plugins once, skipping unbuilt folders", async () => {
    expect(await registerBuiltPlugins(t.adminUrl, RUNTIME_SECRET, dir)).toEqual([
      { pluginId: "rt-echo", version: "1.0.0", created: true, migrated: ["0001_notes.sql"] },
    ]);
    expect(await registerBuiltPlugins(t.adminUrl, RUNTIME_SECRET, dir)).toEqual([
      { pluginId: "rt-echo", version: "1.0.0", created: false, migrated: [] },
    ]);
    const [row] = await t.admin`select count(*)::int as n from plugin_rt_echo.notes`;
    expect(row?.n).toBe(0);
  });

  it("refuses a rebuild with other contents under a registered version, saying what to do", async () => {
    const root = join(dir, "rt-echo");
    const record = JSON.parse(readFileSync(join(root, "dist", "omnify-plugin.json"), "utf8"));
    const serverCode = `${readFileSync(join(root, "dist", "server.js"), "utf8")}\n// changed\n`;
    record.server.sha256 = createHash("sha256").update(serverCode).digest("hex");
    writeFileSync(join(root, "dist", "server.js"), serverCode);
    writeFileSync(join(root, "dist", "omnify-plugin.json"), JSON.stringify(record));
    const error = await registerBuiltPlugins(t.adminUrl, RUNTIME_SECRET, dir).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(
      /plugins\/rt-echo was rebuilt with different contents than rt-echo@1\.0\.0/,
    );
    expect(error.message).toMatch(/plugins\/rt-echo\/plugin\.config\.ts/);
    expect(error.message).toMatch(/delete \.data\//);
    const [row] =
      await t.admin`select server_sha256 from plugin_versions where plugin_id = 'rt-echo'`;
    expect(row?.server_sha256).not.toBe(record.server.sha256);
  });
});
