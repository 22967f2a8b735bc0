import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createPlugin, main } from "../../src/create/index.ts";
import { validatePluginId } from "../../src/create/validate.ts";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
// Inside the repo's plugins/ so the workspace's packages resolve; removed afterwards.
const id = `scaffold-check-${randomBytes(3).toString("hex")}`;
const dir = join(root, "plugins", id);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the generated test in a child vitest with its own PostgreSQL (not this run's). */
function runVitest(path: string): Promise<{ code: number | null; output: string }> {
  const { OMNIFY_TEST_ADMIN_URL: _, ...env } = process.env;
  const child = spawn(
    process.execPath,
    [join(root, "node_modules/vitest/vitest.mjs"), "run", path],
    {
      cwd: root,
      env: { ...env, CI: "1" },
    },
  );
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c));
  child.stderr.on("data", (c: Buffer) => (output += c));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

describe("omnify-plugin create", () => {
  it("scaffolds a plugin whose own test passes out of the box", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    expect(await main([id], root)).toBe(0);
    expect(log.mock.calls.join("\n")).toContain(`npx vitest run plugins/${id}`);
    log.mockRestore();
    // The generated test below also proves the migration: the host verifies its tenant policy.
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))).toMatchObject({
      name: `@omnify-plugin/${id}`,
      dependencies: { "@omnify/plugin-sdk": "*" },
      scripts: { build: "omnify-plugin build ." },
    });
    const run = await runVitest(`plugins/${id}`);
    expect(run.output).toMatch(/4 passed/);
    expect(run.code).toBe(0);
  }, 180_000);

  it("refuses bad, existing and taken ids with a clear message", async () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await main(["Bad_Id"], root)).toBe(1);
    expect(await main(["utm-links"], root)).toBe(1);
    expect(await main([], root)).toBe(1);
    expect(err.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/'Bad_Id' is not a valid plugin id: use lowercase letters/),
      expect.stringMatching(/plugins\/utm-links already exists/),
      expect.stringMatching(/missing <id>/),
    ]);
    err.mockRestore();

    const scratch = mkdtempSync(join(tmpdir(), "omnify-create-"));
    try {
      mkdirSync(join(scratch, "other-folder"));
      writeFileSync(
        join(scratch, "other-folder/plugin.config.ts"),
        'export default { id: "taken" }',
      );
      expect(() => validatePluginId("taken", scratch)).toThrow(
        /'taken' is already taken by .*other-folder/,
      );
      expect(createPlugin({ id: "fresh", pluginsDir: scratch }).files).toContain(
        "test/plugin.integration.test.ts",
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
