import { existsSync } from "node:fs";
import { join } from "node:path";
import { UI_SLOTS, type UiSlot } from "@omnify/plugin-sdk/ui";
import { PluginBuildError } from "../errors.ts";

const EXTENSIONS = [".tsx", ".jsx", ".ts", ".js"];

/**
 * `{ "./DashboardCard": "./src/ui/DashboardCard.tsx", ... }` for the declared slots. A
 * declared slot without its file fails with the path the author has to create.
 */
export function exposesFor(pluginDir: string, slots: readonly UiSlot[]): Record<string, string> {
  const exposes: Record<string, string> = {};
  const missing: string[] = [];
  for (const slot of slots) {
    const { expose, file } = UI_SLOTS[slot];
    const found = EXTENSIONS.map((ext) => `src/ui/${file}${ext}`).find((rel) =>
      existsSync(join(pluginDir, rel)),
    );
    if (found) exposes[expose] = `./${found}`;
    else missing.push(`${join(pluginDir, "src/ui", `${file}.tsx`)} (slot '${slot}')`);
  }
  if (missing.length > 0) {
    throw new PluginBuildError(
      `capabilities.ui.slots declares slots without a component:\n  missing ${missing.join("\n  missing ")}\nEach file must default-export a React component.`,
    );
  }
  return exposes;
}
