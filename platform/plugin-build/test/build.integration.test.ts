import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { enabledUiEntrySchema, uiBuildRecordSchema } from "@omnify/plugin-sdk/ui";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPluginDir } from "../src/build.ts";
import type { BuildRecord } from "../src/build-record.ts";
import { sha256Hex } from "../src/hash.ts";
import { copyFixture } from "./helpers.ts";

/** Builds test/fixtures/hello-ui (server + two UI slots + one migration) once, for real. */
let fixture: Awaited<ReturnType<typeof copyFixture>>;
let record: BuildRecord;
const dist = (...p: string[]) => join(fixture.dir, "dist", ...p);

beforeAll(async () => {
  fixture = await copyFixture("hello-ui");
  record = await buildPluginDir(fixture.dir);
}, 120_000);
afterAll(() => fixture?.remove());

describe("omnify-plugin build (fixture hello-ui)", () => {
  it("writes the server bundle and a build record whose hashes match the files", async () => {
    const onDisk = JSON.parse(await readFile(dist("omnify-plugin.json"), "utf8")) as BuildRecord;
    expect(onDisk).toEqual(record);
    expect(record).toMatchObject({
      id: "hello-ui",
      version: "0.1.0",
      server: { file: "server.js" },
    });
    expect(record.manifest.handlers.procedures).toEqual(["greet"]);
    expect(sha256Hex(await readFile(dist("server.js")))).toBe(record.server.sha256);
    expect(record.migrations).toEqual([
      {
        name: "0001_init.sql",
        sha256: sha256Hex(await readFile(join(fixture.dir, "migrations/0001_init.sql"))),
      },
    ]);
  });

  it("emits a federated remote with a manifest, hashed files and only the declared slots", async () => {
    const ui = uiBuildRecordSchema.parse(record.ui);
    expect(ui.remoteName).toBe("omnify_plugin_hello_ui");
    expect(sha256Hex(await readFile(dist("ui/mf-manifest.json")))).toBe(ui.manifestSha256);
    for (const [file, hash] of Object.entries(ui.files)) {
      expect(sha256Hex(await readFile(dist(file))), file).toBe(hash);
    }
    const files = Object.keys(ui.files);
    expect(files).toContain("ui/mf-manifest.json");
    expect(files.some((f) => /^ui\/remoteEntry\.[0-9a-f]{16}\.js$/.test(f))).toBe(true);
    expect(files.filter((f) => f.endsWith(".html"))).toEqual([]);
    expect(existsSync(dist("ui/mf-stats.json"))).toBe(false);

    const mf = JSON.parse(await readFile(dist("ui/mf-manifest.json"), "utf8"));
    expect(mf.name).toBe("omnify_plugin_hello_ui");
    expect(mf.metaData.publicPath).toBe("auto");
    expect(files).toContain(`ui/${mf.metaData.remoteEntry.name}`);
    expect(mf.exposes.map((e: { path: string }) => e.path).sort()).toEqual([
      "./DashboardCard",
      "./NavPage",
    ]);
    for (const name of ["react", "react/jsx-runtime"]) {
      const shared = mf.shared.find((s: { name: string }) => s.name === name);
      expect(shared, name).toMatchObject({ singleton: true, requiredVersion: "^19.0.0" });
      // import: false: the host provides React, so no copy of it ships with the remote.
      expect(shared.assets.js.sync).toEqual([]);
    }
  });

  it("compiles SRI hashes of its lazy chunks into the entry (the browser verifies them)", async () => {
    const entry = Object.keys(record.ui?.files ?? {}).find((f) => f.includes("remoteEntry"));
    const code = await readFile(dist(entry ?? "missing"), "utf8");
    expect(code).toContain("sriHashes");
    expect(code).not.toMatch(/react-dom\.production/);
  });

  it("produces exactly what plugins.enabledUi needs (contract shape)", () => {
    const ui = uiBuildRecordSchema.parse(record.ui);
    const entry = {
      pluginId: record.id,
      version: record.version,
      name: record.manifest.name,
      remoteName: ui.remoteName,
      manifestUrl: `/_plugins/${record.id}/${record.version}/${ui.manifestFile}`,
      manifestSha256: ui.manifestSha256,
      files: ui.files,
      slots: record.manifest.capabilities.ui?.slots ?? [],
      navLabel: null,
    };
    expect(enabledUiEntrySchema.parse(entry)).toEqual(entry);
  });

  it("builds byte-identical output again (turbo cache, catalog re-registration)", async () => {
    const again = await buildPluginDir(fixture.dir);
    expect(again).toEqual(record);
  }, 120_000);

  it("fails naming the missing slot component, and imports outside the boundary", async () => {
    await rm(join(fixture.dir, "src/ui/NavPage.tsx"));
    await expect(buildPluginDir(fixture.dir)).rejects.toThrow(
      /missing .*src\/ui\/NavPage\.tsx \(slot 'nav'\)/,
    );
    await writeFile(
      join(fixture.dir, "src/ui/NavPage.tsx"),
      'import { readFileSync } from "node:fs";\nexport default function NavPage() { return String(readFileSync); }\n',
    );
    await expect(buildPluginDir(fixture.dir)).rejects.toThrow(
      "src/ui/NavPage.tsx: 'node:fs' is not allowed in plugin UI code",
    );
  }, 120_000);

  it("refuses every UI import but React, @omnify/plugin-sdk/ui and its own files, naming each", async () => {
    // From src/ui/ of the copy in test/.work/<dir>/, five levels up is this package: its own
    // source is "outside the plugin folder" just as the platform's would be.
    await writeFile(
      join(fixture.dir, "src/ui/NavPage.tsx"),
      [
        'import { useState } from "react";',
        'import type { NavPageProps } from "@omnify/plugin-sdk/ui";',
        'import { z } from "zod";',
        'import { withTenant } from "@omnify/db";',
        'import { PluginBuildError } from "../../../../../src/errors.ts";',
        'import { label } from "./label.ts";',
        "export default function NavPage({ path }: NavPageProps) {",
        "  const [n] = useState(0);",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: plugin source under test
        "  const page = (name: string) => import(`../../../../../src/${name}.ts`);",
        "  return <main>{[label, n, path, z, withTenant, PluginBuildError, page].length}</main>;",
        "}",
      ].join("\n"),
    );
    await writeFile(join(fixture.dir, "src/ui/label.ts"), 'export const label = "own file";\n');
    const err = await buildPluginDir(fixture.dir).then(
      () => new Error("the build succeeded"),
      (e: Error) => e,
    );
    expect(err.message).toContain("src/ui/NavPage.tsx: 'zod' is not allowed in plugin UI code");
    expect(err.message).toContain(
      "src/ui/NavPage.tsx: '@omnify/db' is not allowed in plugin UI code",
    );
    expect(err.message).toContain(
      "src/ui/NavPage.tsx: '../../../../../src/errors.ts' leaves the plugin folder",
    );
    expect(err.message).toMatch(
      /'\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/src'.*dynamic import.*leaves the plugin folder/,
    );
    // What is allowed is not reported.
    expect(err.message).not.toMatch(/'react'|plugin-sdk\/ui'|label\.ts/);
  }, 120_000);
});
