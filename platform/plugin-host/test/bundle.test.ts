import { createHash } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildServerBundle, PluginBundleError } from "../src/index.ts";

const fixture = (name: string) =>
  fileURLToPath(new URL(`./fixtures/${name}/plugin.ts`, import.meta.url));
const root = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe("buildServerBundle", () => {
  it("produces one self-contained script with its sha256", async () => {
    const { code, sha256 } = await buildServerBundle(fixture("hello"), { root: root("hello") });
    expect(sha256).toBe(createHash("sha256").update(code).digest("hex"));
    expect(code).not.toMatch(/\bimport\s*[{("']|\brequire\(["']/);
    expect(code).toContain("registerPlugin");
  });

  it("refuses Node built-ins, other packages and files outside the plugin folder", async () => {
    const err = await buildServerBundle(fixture("bad-import"), { root: root("bad-import") }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(PluginBundleError);
    expect(err.message).toMatch(/'node:fs' is a Node built-in/);
    expect(err.message).toMatch(
      /'zod' is not allowed: plugins may import only @omnify\/plugin-sdk/,
    );
    expect(err.message).toMatch(
      /relative import '..\/..\/..\/src\/version.ts' leaves the plugin folder/,
    );
  });

  it("names the file and line of every refused import, SDK internals and platform packages too", async () => {
    const refused = async (file: string) => {
      const err = await buildServerBundle(join(root("bad-import"), file), {
        root: root("bad-import"),
      }).catch((e) => e);
      expect(err).toBeInstanceOf(PluginBundleError);
      return (err as Error).message.split("\n");
    };
    const lines = await refused("plugin.ts");
    const about = (spec: string) => lines.find((l) => l.includes(`'${spec}'`));
    expect(about("node:fs")).toMatch(/bad-import\/plugin\.ts:1:\d+: /);
    expect(about("@omnify/plugin-sdk/runtime")).toMatch(
      /bad-import\/plugin\.ts:3:\d+: '@omnify\/plugin-sdk\/runtime' is not allowed/,
    );
    expect(about("zod")).toMatch(/bad-import\/plugin\.ts:4:\d+: /);
    // The SDK's entry is the one import that is not reported.
    expect(lines.some((l) => l.includes("'@omnify/plugin-sdk'"))).toBe(false);

    expect((await refused("platform.js")).join("\n")).toMatch(
      /bad-import\/platform\.js:2:\d+: '@omnify\/db' is not allowed: plugins may import only @omnify\/plugin-sdk/,
    );
  });
});
