import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PluginBuildError } from "../src/errors.ts";
import { sha256Hex } from "../src/hash.ts";
import { readMigrations } from "../src/migrations.ts";
import { exposesFor } from "../src/ui/exposes.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "omnify-plugin-build-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("readMigrations", () => {
  it("lists migrations in order with their sha256", async () => {
    await mkdir(join(dir, "migrations"));
    await writeFile(join(dir, "migrations", "0002_b.sql"), "select 2;");
    await writeFile(join(dir, "migrations", "0001_a.sql"), "select 1;");
    expect(await readMigrations(dir, true)).toEqual([
      { name: "0001_a.sql", sha256: sha256Hex("select 1;") },
      { name: "0002_b.sql", sha256: sha256Hex("select 2;") },
    ]);
  });

  it("is empty for a plugin without a database", async () => {
    expect(await readMigrations(dir, false)).toEqual([]);
  });

  it("names the file or folder that disagrees with the manifest", async () => {
    await expect(readMigrations(dir, true)).rejects.toThrow(
      /migrations: capabilities\.db is declared/,
    );
    await mkdir(join(dir, "migrations"));
    await writeFile(join(dir, "migrations", "0001_a.sql"), "select 1;");
    await expect(readMigrations(dir, false)).rejects.toThrow(
      "migrations/0001_a.sql: the plugin has migrations but its manifest does not declare capabilities.db",
    );
    await writeFile(join(dir, "migrations", "init.sql"), "select 1;");
    await expect(readMigrations(dir, true)).rejects.toThrow(
      /migrations\/init\.sql: migration files must be named/,
    );
  });
});

describe("exposesFor", () => {
  it("maps each declared slot to its component file", async () => {
    await mkdir(join(dir, "src", "ui"), { recursive: true });
    await writeFile(join(dir, "src/ui/NavPage.tsx"), "");
    await writeFile(join(dir, "src/ui/SettingsPanel.jsx"), "");
    expect(exposesFor(dir, ["nav", "settings"])).toEqual({
      "./NavPage": "./src/ui/NavPage.tsx",
      "./SettingsPanel": "./src/ui/SettingsPanel.jsx",
    });
  });

  it("names every missing component file and its slot", () => {
    expect(() => exposesFor(dir, ["dashboard-card", "settings"])).toThrow(PluginBuildError);
    expect(() => exposesFor(dir, ["dashboard-card", "settings"])).toThrow(
      new RegExp(
        `missing ${dir}/src/ui/DashboardCard\\.tsx \\(slot 'dashboard-card'\\)[\\s\\S]*missing ${dir}/src/ui/SettingsPanel\\.tsx`,
      ),
    );
  });
});
