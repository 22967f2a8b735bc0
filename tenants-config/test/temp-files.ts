import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A valid agency file body; tests override fields to make it bad in one way. */
export function agency(slug: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    slug,
    name: `${slug} agency`,
    theme: "aurora",
    plan: "free",
    plugins: [],
    members: [{ email: `owner@${slug}.test`, name: "Owner", role: "agency_owner" }],
    ...extra,
  };
}

/**
 * Writes tenant files (`name` → module source or object) to a fresh temp directory.
 * Objects become `export default {...}` so the files need no imports to resolve.
 */
export async function tenantDir(files: Record<string, string | object>) {
  const dir = await mkdtemp(join(tmpdir(), "tenants-"));
  for (const [name, body] of Object.entries(files)) {
    const source =
      typeof body === "string" ? body : `export default ${JSON.stringify(body, null, 2)};\n`;
    await writeFile(join(dir, name), source);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
