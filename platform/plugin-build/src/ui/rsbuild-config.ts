import { pluginModuleFederation } from "@module-federation/rsbuild-plugin";
import { SHARED_REACT_RANGE, SHARED_SINGLETONS } from "@omnify/plugin-sdk/ui";
import { type RsbuildConfig, type Rspack, rspack } from "@rsbuild/core";
import { pluginReact } from "@rsbuild/plugin-react";

export const UI_DIST = "dist/ui";

/**
 * React, react-dom and the JSX runtime come from the portal (`lib: () => React` on the host
 * side): `import: false` keeps them out of the remote, `singleton` makes a second copy an
 * error instead of two Reacts on one page.
 */
export function sharedSingletons() {
  return Object.fromEntries(
    SHARED_SINGLETONS.map((name) => [
      name,
      { singleton: true, import: false as const, requiredVersion: SHARED_REACT_RANGE },
    ]),
  );
}

/**
 * The whole rsbuild config of a plugin's UI remote, so plugin authors write none. Output:
 * `dist/ui/` with content-hashed files, `mf-manifest.json`, no HTML, CSS injected by the
 * JS (one kind of file to verify), and SRI hashes for every lazily loaded chunk, so once the
 * host has verified the entry, the browser verifies everything it loads.
 */
export function uiRsbuildConfig(opts: {
  remoteName: string;
  exposes: Record<string, string>;
  extraPlugins?: Rspack.RspackPluginInstance[];
}): RsbuildConfig {
  return {
    mode: "production",
    // A remote has no app entry of its own; MF adds the container entry.
    source: { entry: {} },
    output: {
      target: "web",
      distPath: { root: UI_DIST },
      // Resolved against the manifest URL at runtime: /_plugins/<id>/<version>/ui/.
      assetPrefix: "auto",
      cleanDistPath: true,
      injectStyles: true,
      filenameHash: true,
      sourceMap: false,
    },
    // The dev server is never started; an empty allow-list stops MF adding `*` CORS to it.
    server: { cors: { origin: [] } },
    performance: { chunkSplit: { strategy: "all-in-one" } },
    tools: {
      htmlPlugin: false,
      rspack: {
        output: { crossOriginLoading: "anonymous" },
        plugins: [
          new rspack.SubresourceIntegrityPlugin({ hashFuncNames: ["sha256"], htmlPlugin: false }),
          ...(opts.extraPlugins ?? []),
        ],
      },
    },
    plugins: [
      pluginReact(),
      pluginModuleFederation({
        name: opts.remoteName,
        filename: "remoteEntry.[contenthash:16].js",
        exposes: opts.exposes,
        shared: sharedSingletons(),
        manifest: true,
        // Types are not published to the portal; skipping DTS saves a TypeScript run.
        dts: false,
        dev: false,
      }),
    ],
  };
}
