import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SLUG } from "@omnify/plugin-sdk/manifest";

/** A reason the scaffolder refuses, printed as is. */
export class CreateError extends Error {
  override name = "CreateError";
}

/**
 * The id becomes the package name, the folder, the database schema and the federation
 * remote, so it must be a manifest slug and unique among the plugins next to it.
 */
export function validatePluginId(id: string | undefined, pluginsDir: string): string {
  if (!id) throw new CreateError("missing <id>, e.g. `omnify-plugin create link-tracker`");
  if (id.length > 64 || !SLUG.test(id)) {
    throw new CreateError(
      `'${id}' is not a valid plugin id: use lowercase letters, digits and single dashes, starting with a letter (e.g. 'link-tracker'), at most 64 characters`,
    );
  }
  if (existsSync(join(pluginsDir, id)))
    throw new CreateError(`${join(pluginsDir, id)} already exists; pick another id or remove it`);
  const owner = pluginDeclaring(id, pluginsDir);
  if (owner) throw new CreateError(`the id '${id}' is already taken by ${owner}`);
  return id;
}

/** The folder whose plugin.config.ts declares this id (folder names may differ from ids). */
function pluginDeclaring(id: string, pluginsDir: string): string | undefined {
  if (!existsSync(pluginsDir)) return undefined;
  const declares = new RegExp(`\\bid:\\s*["'\`]${id}["'\`]`);
  for (const entry of readdirSync(pluginsDir, { withFileTypes: true })) {
    const config = join(pluginsDir, entry.name, "plugin.config.ts");
    if (entry.isDirectory() && existsSync(config) && declares.test(readFileSync(config, "utf8")))
      return join(pluginsDir, entry.name);
  }
  return undefined;
}
