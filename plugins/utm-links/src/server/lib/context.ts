import type { PluginContext, z } from "@omnify/plugin-sdk";
import type config from "../../../plugin.config.ts";

export type Settings = z.output<typeof config.settings>;
/** `ctx` as every handler of this plugin sees it. */
export type Ctx = PluginContext<Settings>;

/** An error the caller sees with a stable `code` (the host passes `code` and `message` on). */
export function fail(code: string, message: string): never {
  throw Object.assign(new Error(message), { code });
}
