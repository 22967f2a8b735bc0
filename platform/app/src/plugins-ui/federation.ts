import { createInstance, type ModuleFederation } from "@module-federation/enhanced/runtime";
import { type EnabledUiEntry, remoteModuleId, type UiSlot } from "@omnify/plugin-sdk/ui";
import type { ComponentType } from "react";
import * as React from "react";
import * as JsxRuntime from "react/jsx-runtime";
import * as ReactDOM from "react-dom";
import { assetBase } from "./integrity";
import { type PinRegistry, pinnedAssetsPlugin } from "./pinned-assets-plugin";

const registered = new Map<string, EnabledUiEntry>();
const refusals = new Map<string, Error>();
let instance: ModuleFederation | undefined;

const registry: PinRegistry = {
  byName: (name) => registered.get(name),
  byUrl(url) {
    const path = new URL(url, window.location.origin).pathname;
    for (const entry of registered.values()) if (path.startsWith(assetBase(entry))) return entry;
    return undefined;
  },
  refuse(remoteName, error) {
    if (remoteName) refusals.set(remoteName, error);
    throw error;
  },
};

/**
 * The portal's React, handed to every remote. Remotes are built with `import: false`, so
 * without these `lib`s they would find no React at all; with them there is exactly one.
 */
function sharedReact() {
  const shareConfig = { singleton: true, requiredVersion: false as const };
  const provide = (lib: () => unknown) => ({ version: React.version, lib, shareConfig });
  return {
    react: provide(() => React),
    "react-dom": provide(() => ReactDOM),
    "react/jsx-runtime": provide(() => JsxRuntime),
  };
}

/** One federation instance per page load, created on first use in the browser. */
function federation(): ModuleFederation {
  instance ??= createInstance({
    name: "omnify_portal",
    remotes: [],
    shared: sharedReact(),
    plugins: [pinnedAssetsPlugin(registry, window.location.origin)],
  });
  return instance;
}

/**
 * Registers the remote of one enabled plugin version (only ever from `plugins.enabledUi`),
 * replacing a different version registered earlier in this page load.
 */
function register(entry: EnabledUiEntry): ModuleFederation {
  const fed = federation();
  const known = registered.get(entry.remoteName);
  if (known?.manifestUrl === entry.manifestUrl) return fed;
  registered.set(entry.remoteName, entry);
  fed.registerRemotes([{ name: entry.remoteName, entry: entry.manifestUrl }], {
    force: known !== undefined,
  });
  return fed;
}

/** Loads one slot's component; a refused hash surfaces as its own error, not MF's wrapper. */
export async function loadSlotComponent<P>(
  entry: EnabledUiEntry,
  slot: UiSlot,
): Promise<ComponentType<P>> {
  const fed = register(entry);
  refusals.delete(entry.remoteName);
  try {
    const mod = await fed.loadRemote<{ default?: ComponentType<P> }>(
      remoteModuleId(entry.remoteName, slot),
    );
    if (!mod?.default) {
      throw new Error(`the ${slot} module has no default-exported component`);
    }
    return mod.default;
  } catch (e) {
    const refused = refusals.get(entry.remoteName);
    if (refused) throw refused;
    // A chunk whose bytes miss its SRI hash never runs; rspack reports it as a load failure.
    if (e instanceof Error && e.name === "ChunkLoadError") {
      throw new Error(`a file of its UI was refused (integrity) or could not load: ${e.message}`);
    }
    throw e;
  }
}
