import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { startHarness } from "./plugin-harness/server";

/**
 * The federation host on its own: the portal's real loader (bundled outside Next) mounting
 * a freshly built fixture plugin from a tiny server with the portal's CSP. Needs no running
 * product, so it proves hash pinning even before a catalogued plugin exists.
 */
const BUILD = join(import.meta.dirname, "../../plugin-build");
let pluginDir: string;
let record: {
  id: string;
  version: string;
  manifest: { name: string };
  ui: { remoteName: string; manifestSha256: string; files: Record<string, string> };
};

test.beforeAll(async () => {
  await mkdir(join(BUILD, "test/.work"), { recursive: true });
  pluginDir = await mkdtemp(join(BUILD, "test/.work/hello-ui-e2e-"));
  await cp(join(BUILD, "test/fixtures/hello-ui"), pluginDir, {
    recursive: true,
    filter: (src) => !src.includes("hello-ui/dist"),
  });
  execFileSync(process.execPath, [join(BUILD, "bin/omnify-plugin.mjs"), "build", pluginDir], {
    stdio: "pipe",
  });
  record = JSON.parse(await readFile(join(pluginDir, "dist/omnify-plugin.json"), "utf8"));
});
test.afterAll(() => rm(pluginDir, { recursive: true, force: true }));

const entry = () => ({
  pluginId: record.id,
  version: record.version,
  name: record.manifest.name,
  remoteName: record.ui.remoteName,
  manifestSha256: record.ui.manifestSha256,
  files: record.ui.files,
  slots: ["dashboard-card" as const, "nav" as const],
  navLabel: null,
});

test("a pinned remote loads under the CSP and renders with the portal's React", async ({
  page,
}) => {
  const harness = await startHarness({ distDir: join(pluginDir, "dist"), entry: entry() });
  try {
    const violations: string[] = [];
    page.on(
      "console",
      (m) => m.text().includes("Content Security Policy") && violations.push(m.text()),
    );
    await page.goto(harness.url);
    await expect(page.getByTestId("hello-ui-card")).toContainText("Hello from Harness Tenant");
    await page.getByRole("button", { name: "Greet" }).click();
    await expect(page.locator("output")).toContainText('greet:{"name":"Harness Tenant"}');
    expect(violations).toEqual([]);
  } finally {
    await harness.close();
  }
});

for (const [what, target] of [
  ["federation manifest", "mf-manifest.json"],
  ["remote entry", "remoteEntry."],
  ["lazily loaded chunk", "__federation_expose_DashboardCard"],
] as const) {
  test(`a modified ${what} never runs`, async ({ page }) => {
    const harness = await startHarness({
      distDir: join(pluginDir, "dist"),
      entry: entry(),
      tamper: (file, bytes) =>
        file.includes(target) ? Buffer.concat([bytes, Buffer.from("\n;window.__pwned=1;")]) : bytes,
    });
    try {
      await page.goto(harness.url);
      await expect(page.locator("body")).toHaveAttribute("data-error", /integrity/);
      await expect(page.getByTestId("hello-ui-card")).toHaveCount(0);
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    } finally {
      await harness.close();
    }
  });
}
