/**
 * Sandbox-side runtime. The bundle's generated entry calls `registerPlugin(plugin)`, which
 * installs `__omnify` for the host: `describe()` and `dispatch(...)`, both string-in/string-out.
 * Nothing here imports Node; it runs inside isolated-vm.
 */
import type { HostBridge } from "../bridge.ts";
import type { PluginDefinition } from "../define-plugin.ts";
import { PluginManifestError } from "../manifest/issues.ts";
import { createBridgeCall } from "./context.ts";
import { createDispatcher } from "./dispatch.ts";

export type SandboxExports = {
  describe(): string;
  dispatch(kind: string, name: string, inputJson: string, invocationJson: string): Promise<string>;
};

export function registerPlugin(plugin: unknown): void {
  const def = plugin as PluginDefinition | undefined;
  if (def?.kind !== "omnify-plugin") {
    throw new PluginManifestError("the server entry must `export default definePlugin({...})`");
  }
  const host = (globalThis as { host?: HostBridge }).host;
  if (!host) throw new Error("host bridge missing: this bundle only runs inside the plugin host");
  const exports: SandboxExports = Object.freeze({
    describe: () => JSON.stringify(def.describe()),
    dispatch: createDispatcher(def, createBridgeCall(host)),
  });
  Object.defineProperty(globalThis, "__omnify", { value: exports });
}
