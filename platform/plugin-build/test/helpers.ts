import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";

const WORK = join(import.meta.dirname, ".work");

/**
 * A fresh copy of `fixtures/<name>` inside this package (so `@omnify/plugin-sdk` still
 * resolves through the repo's node_modules), without any earlier dist/.
 */
export async function copyFixture(name: string): Promise<{ dir: string; remove(): Promise<void> }> {
  await mkdir(WORK, { recursive: true });
  const dir = await mkdtemp(join(WORK, `${name}-`));
  await cp(join(import.meta.dirname, "fixtures", name), dir, {
    recursive: true,
    filter: (src) => !src.includes(`${name}/dist`),
  });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
